package com.sessionconsole.findings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A finding names an agent by what it is: "Mozilla/5.0" names nothing. */
class AgentsShortNameTest {
    @Test
    void browsersAreNamedByProductVersionAndPlatform() {
        assertThat(Agents.shortName(Scenario.BROWSERS[0])).isEqualTo("Chrome 131 on Windows");
        assertThat(Agents.shortName(Scenario.BROWSERS[1])).isEqualTo("Safari 18 on macOS");
        assertThat(Agents.shortName(Scenario.BROWSERS[3])).isEqualTo("Edge 130 on Windows");
        assertThat(Agents.shortName("Mozilla/5.0 (Windows NT 6.1; rv:52.0) Gecko/20100101 Firefox/52.0")).isEqualTo("Firefox 52 on Windows");
        assertThat(Agents.shortName(Scenario.PHONES[0])).isEqualTo("Safari 18 on iOS");
    }

    @Test
    void scriptsAndAppsKeepTheirToken() {
        assertThat(Agents.shortName("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0.0.0 Safari/537.36"))
                .isEqualTo("HeadlessChrome/120.0.0.0");
        assertThat(Agents.shortName("okhttp/4.12.0")).isEqualTo("okhttp/4.12.0");
        assertThat(Agents.shortName("MyCompanyApp/4.12.0 (iOS 18.1; iPhone15,2)")).isEqualTo("MyCompanyApp/4.12.0");
        assertThat(Agents.shortName("Mozilla/5.0")).isEqualTo("Mozilla/5.0");
        assertThat(Agents.shortName(null)).isEqualTo("no agent");
    }
}
