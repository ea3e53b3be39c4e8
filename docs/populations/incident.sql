-- The labelled population of the #22 incident transcript (stop 20). Load into an empty public.user_sessions:
-- psql -f src/main/resources/com/sessionconsole/db/user_sessions.sql && psql -f docs/populations/incident.sql
-- A labelled population for the #22 incident transcript (all ids deterministic by md5 of a label).
CREATE OR REPLACE FUNCTION u(t text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$ SELECT md5(t)::uuid $$;
-- background: 4,000 users, 36,000 sessions, 30,000 active, 20 cities, office NATs of 25 users each
INSERT INTO public.user_sessions (user_id, session_token, expires_at, is_active, device_id, ip_address, user_agent, location, trust_level, created_at, updated_at)
SELECT u('user' || (g % 4000)), 'bg-' || g || '-' || md5(g::text), now() + ((g % 6) - 1) * interval '1 day',
       g % 9 <> 0, 'dev-' || (g % 4000) || '-' || (g % 3),
       CASE WHEN g % 5 = 0 THEN '2001:db8:' || (g % 400) || '::' || (g % 7 + 1) ELSE '10.' || (g % 160) || '.' || ((g / 160) % 250) || '.' || (g % 200 + 1) END,
       (ARRAY['Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0','Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) Safari/605.1.15','Mozilla/5.0 (iPhone; CPU iPhone OS 17_1) Mobile/15E148','Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0'])[g % 4 + 1],
       (ARRAY['Berlin, DE','Hamburg, DE','Paris, FR','Lyon, FR','London, GB','Madrid, ES','Rome, IT','Vienna, AT','Zurich, CH','Amsterdam, NL','Brussels, BE','Warsaw, PL','Prague, CZ','Stockholm, SE','Oslo, NO','Copenhagen, DK','Dublin, IE','Lisbon, PT','Helsinki, FI','Athens, GR'])[((g % 4000) % 20) + 1],
       40 + g % 60, now() - (g % 20000) * interval '1 minute', now()
FROM generate_series(1, 36000) g;
-- top users: a service account with 80 active sessions
INSERT INTO public.user_sessions (user_id, session_token, expires_at, device_id, ip_address, user_agent, location, trust_level, created_at)
SELECT u('top-svc'), 'top-' || g, now() + interval '1 day', 'svc-host-' || (g % 4), '10.200.0.' || (g % 4 + 1), 'svc-client/3.1', 'Frankfurt, DE', 90, now() - g * interval '2 minute'
FROM generate_series(1, 80) g;
-- shared IP: a NAT address used by 45 users
INSERT INTO public.user_sessions (user_id, session_token, expires_at, device_id, ip_address, user_agent, location, trust_level, created_at)
SELECT u('user' || (g * 37)), 'nat-' || g, now() + interval '8 hours', 'dev-' || (g * 37) || '-nat', '203.0.113.7', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0', 'Munich, DE', 70, now() - g * interval '5 minute'
FROM generate_series(1, 45) g;
-- credential stuffing: 60 users logged in from 5.188.62.0/24 within 10 minutes, one script
INSERT INTO public.user_sessions (user_id, session_token, expires_at, device_id, ip_address, user_agent, location, trust_level, created_at)
SELECT u('user' || (g * 53 + 11)), 'stuff-' || g, now() + interval '12 hours', 'stuff-dev-' || g, '5.188.62.' || (g % 12 + 10), 'python-requests/2.31.0', 'Saint Petersburg, RU', 12, now() - g * interval '10 second'
FROM generate_series(1, 60) g;
-- password spraying: 3 addresses, 20 users each, spread over 5 hours, low trust
INSERT INTO public.user_sessions (user_id, session_token, expires_at, device_id, ip_address, user_agent, location, trust_level, created_at)
SELECT u('user' || (g * 71 + 5)), 'spray-' || g, now() + interval '12 hours', 'spray-dev-' || g, '185.220.101.' || (g % 3 + 1), 'curl/8.4.0', 'Amsterdam, NL', 8, now() - g * interval '5 minute'
FROM generate_series(1, 60) g;
-- account takeover: user 'victim' used Berlin, its laptop and one IP for months (ended sessions), now a new device and IP in Lagos
INSERT INTO public.user_sessions (user_id, session_token, expires_at, is_active, device_id, ip_address, user_agent, location, trust_level, created_at)
SELECT u('victim'), 'victim-old-' || g, now() - (g * interval '3 day') + interval '1 day', false, 'victim-laptop', '10.44.0.8', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) Safari/605.1.15', 'Berlin, DE', 85, now() - g * interval '3 day'
FROM generate_series(1, 30) g;
INSERT INTO public.user_sessions (user_id, session_token, expires_at, device_id, ip_address, user_agent, location, trust_level, created_at)
VALUES (u('victim'), 'victim-new', now() + interval '1 day', 'android-9f3e', '102.89.34.17', 'Mozilla/5.0 (Linux; Android 10; K) Chrome/119.0', 'Lagos, NG', 30, now() - interval '4 minute');
-- impossible travel: user 'traveller' active from Germany, Brazil and Japan within 30 minutes
INSERT INTO public.user_sessions (user_id, session_token, expires_at, device_id, ip_address, user_agent, location, trust_level, created_at) VALUES
 (u('traveller'), 'trav-1', now() + interval '1 day', 'trav-phone', '10.60.1.5', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1) Mobile/15E148', 'Berlin, DE', 70, now() - interval '30 minute'),
 (u('traveller'), 'trav-2', now() + interval '1 day', 'trav-phone', '177.71.12.9', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1) Mobile/15E148', 'São Paulo, BR', 60, now() - interval '18 minute'),
 (u('traveller'), 'trav-3', now() + interval '1 day', 'trav-laptop', '126.21.4.77', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0', 'Tokyo, JP', 55, now() - interval '6 minute');
-- device farm: one device id used by 30 users
INSERT INTO public.user_sessions (user_id, session_token, expires_at, device_id, ip_address, user_agent, location, trust_level, created_at)
SELECT u('user' || (g * 97 + 3)), 'farm-' || g, now() + interval '1 day', 'android-farm-01', '46.161.' || (g % 5) || '.' || g, 'Dalvik/2.1.0 (Linux; U; Android 9)', 'Kyiv, UA', 20, now() - g * interval '3 minute'
FROM generate_series(1, 30) g;
ANALYZE public.user_sessions;
