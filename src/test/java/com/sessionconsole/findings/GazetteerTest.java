package com.sessionconsole.findings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The bundled gazetteer reads location text the way tables write it, and its distances are the real ones. */
class GazetteerTest {
    final Gazetteer places = Gazetteer.bundled();

    private double km(String a, String b) {
        return places.locate(a).orElseThrow().kmTo(places.locate(b).orElseThrow());
    }

    @Test
    void citiesAreMatchedWithoutCaseAccentsOrTheWordCityAndCountriesByCodeOrName() {
        assertThat(km("Berlin, DE", "New York, US")).isCloseTo(6_385, within(60.0));
        assertThat(km("Sydney, AU", "London, GB")).isCloseTo(16_990, within(100.0));
        assertThat(km("Basel, CH", "Mulhouse, FR")).isLessThan(40);
        assertThat(km("berlin, germany", "LAGOS, Nigeria")).isCloseTo(5_200, within(60.0));
        assertThat(places.locate("Mexico City, MX")).isEqualTo(places.locate("México City, MX"));
        assertThat(places.locate("Berlin, Mitte, DE").orElseThrow().approximate()).isFalse();
        assertThat(places.locate("Zürich, USA").orElseThrow().country()).isEqualTo("US");
    }

    @Test
    void anUnknownCityFallsBackToItsCountryMarkedApproximateAndAnUnknownCountryToNothing() {
        assertThat(places.locate("Nowhereville, DE").orElseThrow().approximate()).isTrue();
        assertThat(places.locate("東京, JP").orElseThrow().country()).isEqualTo("JP");
        assertThat(places.locate("Berlin")).isEmpty();
        assertThat(places.locate("Berlin, Atlantis")).isEmpty();
        assertThat(places.locate("Berlin, ZZ")).isEmpty();
        assertThat(places.locate(",")).isEmpty();
        assertThat(places.locate(null)).isEmpty();
    }
}
