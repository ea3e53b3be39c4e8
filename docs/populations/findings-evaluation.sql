-- An independent evaluator's labelled population for the findings (#20, stop 20): 8 attacks, 9 kinds of look-alike,
-- labels in eval.labels. Load into an empty public.user_sessions, then run: session-console findings --format ndjson
-- rt20 evaluation population (independent of the project's generators).
-- Run: psql -h 127.0.0.1 -p 55491 -U postgres -d postgres -f /tmp/rt20-population.sql
-- Labels are written to eval.labels (a schema the tool does not read).
\set ON_ERROR_STOP on
SELECT setseed(0.2026);
TRUNCATE public.user_sessions;
DROP SCHEMA IF EXISTS eval CASCADE;
CREATE SCHEMA eval;
CREATE TABLE eval.labels(kind text, name text, subject_kind text, subject text);

CREATE FUNCTION pg_temp.pick(a anyarray) RETURNS anyelement
  AS $$ SELECT a[1 + floor(random() * array_length(a, 1))::int] $$ LANGUAGE sql VOLATILE;
CREATE FUNCTION pg_temp.rip(o1 int) RETURNS text
  AS $$ SELECT o1 || '.' || floor(random()*256)::int || '.' || floor(random()*256)::int || '.' || (1 + floor(random()*254))::int $$
  LANGUAGE sql VOLATILE;
CREATE FUNCTION pg_temp.hx(k int) RETURNS text
  AS $$ SELECT substr(md5(random()::text || clock_timestamp()::text), 1, k) $$ LANGUAGE sql VOLATILE;

-- ---------------------------------------------------------------- places, agents
CREATE TEMP TABLE city(ci int PRIMARY KEY, loc text, cc text, o1 int[], mo1 int[]);
INSERT INTO city VALUES
(0,'Berlin, DE','DE','{91,84,93}','{176,109}'), (1,'Hamburg, DE','DE','{91,84,93}','{176,109}'),
(2,'Munich, DE','DE','{91,84,93}','{176,109}'), (3,'Cologne, DE','DE','{91,84,93}','{176,109}'),
(4,'Paris, FR','FR','{90,86,78}','{37,80}'), (5,'Lyon, FR','FR','{90,86,78}','{37,80}'),
(6,'Marseille, FR','FR','{90,86,78}','{37,80}'), (7,'Madrid, ES','ES','{83,88}','{37,212}'),
(8,'Barcelona, ES','ES','{83,88}','{37,212}'), (9,'Milan, IT','IT','{79,93}','{151,5}'),
(10,'Rome, IT','IT','{79,93}','{151,5}'), (11,'Amsterdam, NL','NL','{145,77}','{31,62}'),
(12,'Vienna, AT','AT','{80,178}','{213,91}'), (13,'Zürich, CH','CH','{85,178}','{46,213}'),
(14,'Warsaw, PL','PL','{83,89}','{37,46}'), (15,'Kraków, PL','PL','{83,89}','{37,46}'),
(16,'Stockholm, SE','SE','{90,81}','{83,46}'), (17,'London, GB','GB','{86,81}','{92,31}'),
(18,'Manchester, GB','GB','{86,81}','{92,31}'), (19,'Dublin, IE','IE','{87,86}','{37,89}'),
(20,'Toronto, CA','CA','{24,70}','{142,174}'), (21,'Montréal, CA','CA','{24,70}','{142,174}'),
(22,'New York, US','US','{73,98,67}','{172,174}'), (23,'Chicago, US','US','{73,98,67}','{172,174}'),
(24,'Austin, US','US','{73,98,67}','{172,174}'), (25,'Seattle, US','US','{73,98,67}','{172,174}'),
(26,'São Paulo, BR','BR','{177,189}','{179,191}'), (27,'Rio de Janeiro, BR','BR','{177,189}','{179,191}'),
(28,'Mexico City, MX','MX','{187,189}','{201,200}'), (29,'Buenos Aires, AR','AR','{181,190}','{186,200}'),
(30,'Osaka, JP','JP','{126,153}','{49,106}'), (31,'Tokyo, JP','JP','{126,153}','{49,106}'),
(32,'Seoul, KR','KR','{121,211}','{223,39}'), (33,'Singapore, SG','SG','{116,118}','{111,203}'),
(34,'Bengaluru, IN','IN','{49,117}','{106,157}'), (35,'Mumbai, IN','IN','{49,117}','{106,157}'),
(36,'Sydney, AU','AU','{101,120}','{1,49}'), (37,'Melbourne, AU','AU','{101,120}','{1,49}'),
(38,'Cape Town, ZA','ZA','{41,105}','{197,102}'), (39,'Nairobi, KE','KE','{105,41}','{197,102}');

CREATE TEMP TABLE ua(kind text, s text);
INSERT INTO ua VALUES
('desk','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'),
('desk','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'),
('desk','Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0'),
('desk','Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'),
('desk','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15'),
('desk','Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'),
('desk','Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'),
('desk','Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0'),
('ios','Mozilla/5.0 (iPhone; CPU iPhone OS 18_1_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'),
('ios','Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1'),
('ios','SessionApp/4.12.0 (iPhone; iOS 18.1.1; Scale/3.00)'),
('and','Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36'),
('and','Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36'),
('and','Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.102 Mobile Safari/537.36'),
('and','SessionApp/4.12.0 (Linux; U; Android 14; SM-S918B) okhttp/4.12.0');

-- ---------------------------------------------------------------- users
CREATE TEMP TABLE u AS
SELECT n, md5('user-' || n)::uuid AS uid, c.ci, c.loc, c.cc, c.o1, c.mo1,
       pg_temp.rip(pg_temp.pick(c.o1)) AS home_ip,
       'web-' || substr(md5('desk' || n), 1, 20) AS desk_dev,
       (SELECT array_agg(s) FROM ua WHERE kind = 'desk') AS desk_uas,
       r1 < 0.75 AS has_phone, r2 < 0.5 AS ios,
       CASE WHEN r2 < 0.5 THEN 'ios-' || md5('ph' || n)::uuid::text ELSE 'and-' || substr(md5('ph' || n), 1, 16) END AS phone_dev,
       abs(hashtext('v' || n)) % 100 AS h
FROM (SELECT n, random() r1, random() r2 FROM generate_series(1, 15000) n) g
JOIN city c ON c.ci = n % 40;
ALTER TABLE u ADD COLUMN desk_ua text, ADD COLUMN phone_ua text;
UPDATE u SET desk_ua = pg_temp.pick(desk_uas),
             phone_ua = (SELECT s FROM ua WHERE kind = CASE WHEN u.ios THEN 'ios' ELSE 'and' END ORDER BY random() + u.n * 0 LIMIT 1);
CREATE UNIQUE INDEX ON u(n);

CREATE TEMP TABLE s(uid uuid, created timestamptz, dur interval, st text, dev text, ip text, ua text, loc text, trust int, tag text);

-- ---------------------------------------------------------------- normal background
-- 3-6 ended sessions each over the last 24 days
INSERT INTO s
SELECT uid, created, dur,
       CASE WHEN r < 0.70 THEN 'loggedout' WHEN r < 0.95 THEN 'expired' ELSE 'deleted' END,
       CASE WHEN mob THEN phone_dev ELSE desk_dev END,
       CASE WHEN mob THEN pg_temp.rip(pg_temp.pick(mo1)) WHEN random() < 0.12 THEN pg_temp.rip(pg_temp.pick(o1)) ELSE home_ip END,
       CASE WHEN mob THEN phone_ua ELSE desk_ua END, loc,
       CASE WHEN mob THEN 50 + floor(random()*41)::int ELSE 65 + floor(random()*36)::int END, 'normal'
FROM (SELECT u.*, g, random() r, (u.has_phone AND random() < 0.35) mob,
             now() - (1 + random()*23) * interval '1 day' created, (20 + random()*600) * interval '1 minute' dur
      FROM u CROSS JOIN LATERAL generate_series(1, 3 + u.n % 4) g) q;
-- 45 % active today
INSERT INTO s
SELECT uid, now() - random() * interval '20 hours', NULL, 'active',
       CASE WHEN mob THEN phone_dev ELSE desk_dev END,
       CASE WHEN mob THEN pg_temp.rip(pg_temp.pick(mo1)) ELSE home_ip END,
       CASE WHEN mob THEN phone_ua ELSE desk_ua END, loc,
       CASE WHEN mob THEN 50 + floor(random()*41)::int ELSE 65 + floor(random()*36)::int END, 'normal-today'
FROM (SELECT u.*, (u.has_phone AND random() < 0.4) mob, random() r FROM u) q WHERE r < 0.45;
-- 20 % an ended session in the last 24 h
INSERT INTO s
SELECT uid, now() - (1 + random()*22) * interval '1 hour', (5 + random()*50) * interval '1 minute',
       CASE WHEN random() < 0.6 THEN 'loggedout' ELSE 'expired' END,
       CASE WHEN mob THEN phone_dev ELSE desk_dev END,
       CASE WHEN mob THEN pg_temp.rip(pg_temp.pick(mo1)) ELSE home_ip END,
       CASE WHEN mob THEN phone_ua ELSE desk_ua END, loc,
       CASE WHEN mob THEN 50 + floor(random()*41)::int ELSE 65 + floor(random()*36)::int END, 'normal-today-ended'
FROM (SELECT u.*, (u.has_phone AND random() < 0.4) mob, random() r FROM u) q WHERE r < 0.20;
-- holiday trips 6-15 days ago (roaming phone, other city)
INSERT INTO s
SELECT uid, t0 + k * interval '1 day', interval '2 hours', 'loggedout', phone_dev,
       pg_temp.rip(pg_temp.pick(mo1)), phone_ua, dest, 60 + floor(random()*30)::int, 'normal-holiday'
FROM (SELECT u.*, now() - (6 + random()*9) * interval '1 day' t0,
             (SELECT loc FROM city c WHERE c.ci <> u.ci ORDER BY random() + u.n*0 LIMIT 1) dest
      FROM u WHERE n % 50 = 7 AND has_phone) q CROSS JOIN generate_series(0, 2) k;
-- domestic train trips today in Germany (< 700 km, 5-6 h apart)
INSERT INTO s
SELECT uid, now() - interval '10 hours', interval '30 minutes', 'loggedout', desk_dev, home_ip, desk_ua, loc, 80, 'normal-train'
FROM u WHERE ci IN (0, 1, 3) AND n % 13 = 0 AND h NOT BETWEEN 10 AND 19;
INSERT INTO s
SELECT uid, now() - (4 + random()) * interval '1 hour', NULL, 'active', desk_dev,
       pg_temp.rip(176), desk_ua, CASE ci WHEN 0 THEN 'Cologne, DE' WHEN 1 THEN 'Munich, DE' ELSE 'Berlin, DE' END, 75, 'normal-train'
FROM u WHERE ci IN (0, 1, 3) AND n % 13 = 0 AND h NOT BETWEEN 10 AND 19;
-- US domestic flights New York -> Seattle 7-8 h apart
INSERT INTO s
SELECT uid, now() - interval '12 hours', interval '20 minutes', 'loggedout', desk_dev, home_ip, desk_ua, loc, 85, 'normal-flight'
FROM u WHERE ci = 22 AND n % 9 = 0 AND h NOT BETWEEN 10 AND 19;
INSERT INTO s
SELECT uid, now() - (4 + random()) * interval '1 hour', NULL, 'active', desk_dev, pg_temp.rip(98), desk_ua, 'Seattle, US', 80, 'normal-flight'
FROM u WHERE ci = 22 AND n % 9 = 0 AND h NOT BETWEEN 10 AND 19;
-- travellers' other sessions today would contradict the trip: drop them
DELETE FROM s WHERE tag IN ('normal-today', 'normal-today-ended')
  AND uid IN (SELECT uid FROM s WHERE tag IN ('normal-flight', 'normal-train'));

-- ================================================================ LOOK-ALIKES
-- L1 corporate NAT, Munich: 250 employees, 10 working days, diverse agents, morning rush today
CREATE TEMP TABLE corp AS SELECT * FROM u WHERE ci = 2 AND h NOT BETWEEN 10 AND 19 ORDER BY n LIMIT 250;
INSERT INTO s
SELECT uid, date_trunc('day', now()) - d * interval '1 day' + interval '6 hours 30 minutes' + random() * interval '150 minutes',
       interval '9 hours', CASE WHEN random() < 0.5 THEN 'loggedout' ELSE 'expired' END,
       'corp-' || substr(md5('corp' || n), 1, 12), '193.27.44.10', desk_ua, 'Munich, DE', 80 + floor(random()*21)::int, 'L1-corp'
FROM corp CROSS JOIN generate_series(1, 14) d
WHERE extract(isodow FROM now() - d * interval '1 day') < 6;
INSERT INTO s
SELECT uid, now() - interval '150 minutes' + random() * interval '140 minutes', NULL, 'active',
       'corp-' || substr(md5('corp' || n), 1, 12), '193.27.44.10', desk_ua, 'Munich, DE', 80 + floor(random()*21)::int, 'L1-corp'
FROM corp;
INSERT INTO eval.labels VALUES ('lookalike', 'L1 corporate NAT Munich (250 staff, 2 weeks, morning rush)', 'ip', '193.27.44.10');

-- L2 mobile CGNAT: 20 addresses in 100.64/10, ~50 users each (Spain, Italy, one region per address), phones
CREATE TEMP TABLE cg AS
SELECT u.*, '100.' || (64 + (h % 5)) || '.' || (17 + (n % 4) * 33) || '.10' AS cg_ip
FROM u WHERE ci IN (7, 8, 9, 10) AND has_phone AND h NOT BETWEEN 10 AND 19;
INSERT INTO s
SELECT uid, now() - random() * interval '23 hours', (10 + random()*40) * interval '1 minute',
       CASE WHEN random() < 0.5 THEN 'active' ELSE 'loggedout' END, phone_dev, cg_ip, phone_ua, loc,
       50 + floor(random()*41)::int, 'L2-cgnat'
FROM cg CROSS JOIN generate_series(1, 2) k;
INSERT INTO eval.labels SELECT DISTINCT 'lookalike', 'L2 mobile CGNAT', 'ip', cg_ip FROM cg;

-- L3 university, Lyon: 300 students over 2 weeks, lecture start today (110 logins in 10 min)
CREATE TEMP TABLE uni AS SELECT u.*, row_number() OVER (ORDER BY n) rn FROM u WHERE ci = 5 AND h NOT BETWEEN 10 AND 19 ORDER BY n LIMIT 300;
INSERT INTO s
SELECT uid, date_trunc('day', now()) - d * interval '1 day' + interval '7 hours' + random() * interval '8 hours', interval '2 hours',
       'loggedout', CASE WHEN has_phone AND random() < 0.4 THEN phone_dev ELSE desk_dev END, '134.214.100.20',
       CASE WHEN has_phone AND random() < 0.4 THEN phone_ua ELSE desk_ua END, 'Lyon, FR', 55 + floor(random()*41)::int, 'L3-uni'
FROM uni CROSS JOIN generate_series(1, 14) d WHERE random() < 0.45;
INSERT INTO s
SELECT uid, CASE WHEN rn <= 110 THEN now() - interval '75 minutes' + random() * interval '10 minutes'
                 ELSE now() - random() * interval '8 hours' END, NULL, 'active',
       desk_dev, '134.214.100.20', desk_ua, 'Lyon, FR', 55 + floor(random()*41)::int, 'L3-uni'
FROM uni;
INSERT INTO eval.labels VALUES ('lookalike', 'L3 university Lyon (lecture-start burst)', 'ip', '134.214.100.20');

-- L4 corporate VPN egress in Frankfurt: 66 remote workers (60 Europe, 6 North America), in use for 3 weeks
CREATE TEMP TABLE vpn AS
(SELECT * FROM u WHERE h = 20 AND ci IN (0,1,3,4,6,11,12,13,14,15,16,17,18) ORDER BY n LIMIT 60)
UNION ALL (SELECT * FROM u WHERE h = 20 AND ci IN (20, 22) ORDER BY n LIMIT 6);
INSERT INTO s
SELECT uid, now() - d * interval '1 day' + random() * interval '6 hours', interval '8 hours', 'loggedout', desk_dev, '185.245.86.10',
       desk_ua, 'Frankfurt am Main, DE', 70 + floor(random()*26)::int, 'L4-vpn'
FROM vpn CROSS JOIN generate_series(2, 21) d WHERE random() < 0.4;
INSERT INTO s
SELECT uid, t, NULL, 'active', desk_dev, '185.245.86.10', desk_ua, 'Frankfurt am Main, DE', 70 + floor(random()*26)::int, 'L4-vpn'
FROM (SELECT vpn.*, now() - (1 + random()*15) * interval '1 hour' t FROM vpn) q;
-- a third of them (and all North Americans) also log in from home on the phone 1-3 h before
INSERT INTO s
SELECT v.uid, x.created - (1 + random()*2) * interval '1 hour', interval '15 minutes', 'loggedout',
       CASE WHEN v.has_phone THEN v.phone_dev ELSE v.desk_dev END, pg_temp.rip(pg_temp.pick(v.mo1)),
       CASE WHEN v.has_phone THEN v.phone_ua ELSE v.desk_ua END, v.loc, 70, 'L4-vpn-home'
FROM vpn v JOIN s x ON x.uid = v.uid AND x.tag = 'L4-vpn' AND x.st = 'active'
WHERE v.ci IN (20, 22) OR v.n % 3 = 0;
INSERT INTO eval.labels VALUES ('lookalike', 'L4 VPN egress Frankfurt', 'ip', '185.245.86.10');
INSERT INTO eval.labels SELECT 'lookalike', 'L4 VPN user', 'user', uid::text FROM vpn;

-- special users (beyond the background range) get their own 3-week history
CREATE TEMP TABLE sp(n int, uid uuid, loc text, home_ip text, dev text, ua text, dev2 text, ua2 text);
INSERT INTO sp VALUES
(15001, md5('user-15001')::uuid, 'Paris, FR', '90.12.77.140', 'web-paris-traveller01', (SELECT s FROM ua WHERE s LIKE '%Macintosh%Safari/605%'),
        'ios-5b1c7e0a-0f4e-4a57-9d0e-2c1f3f9a1001', (SELECT s FROM ua WHERE s LIKE '%iPhone OS 18%' AND s LIKE 'Mozilla%')),
(15050, md5('user-15050')::uuid, 'Toronto, CA', '24.114.52.9', 'web-toronto-newphone', (SELECT s FROM ua WHERE s LIKE '%Edg/%'),
        'ios-0d9f1a77-3c4b-4f0e-8e4a-17c2b9e05050', 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_7_10 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1'),
(15060, md5('user-15060')::uuid, 'Vienna, AT', '80.110.31.77', 'web-vienna-ato-victim', (SELECT s FROM ua WHERE s LIKE '%rv:133.0%'),
        'and-6a0b9c1d2e3f4a50', (SELECT s FROM ua WHERE s LIKE '%Pixel 8%')),
(15061, md5('user-15061')::uuid, 'Toronto, Ontario, CA', '70.49.12.201', 'web-toronto-it-victim', (SELECT s FROM ua WHERE s LIKE '%Macintosh%Chrome%'),
        'web-toronto-old-laptop', (SELECT s FROM ua WHERE s LIKE '%Windows NT 10.0; Win64; x64) AppleWebKit%Chrome/130%')),
(15062, md5('user-15062')::uuid, 'Berlin, DE', '91.64.118.23', 'web-berlin-replay-victim', (SELECT s FROM ua WHERE s LIKE '%Macintosh%Chrome%'),
        'ios-8f7e6d5c-4b3a-4291-8a7b-6c5d4e3f1062', (SELECT s FROM ua WHERE s LIKE '%iPhone OS 17%'));
INSERT INTO s
SELECT uid, now() - d * interval '1 day' + random() * interval '10 hours', interval '3 hours', 'loggedout',
       CASE WHEN d % 3 = 0 THEN dev2 ELSE dev END, home_ip, CASE WHEN d % 3 = 0 THEN ua2 ELSE ua END, loc, 85, 'special-history'
FROM sp CROSS JOIN generate_series(1, 21) d WHERE random() < 0.8;

-- L5 business traveller Paris -> Tokyo, 14 h apart
INSERT INTO s VALUES
(md5('user-15001')::uuid, now() - interval '17 hours', interval '20 minutes', 'loggedout', 'ios-5b1c7e0a-0f4e-4a57-9d0e-2c1f3f9a1001', '37.171.20.9',
 (SELECT ua2 FROM sp WHERE n = 15001), 'Paris, FR', 80, 'L5-traveller'),
(md5('user-15001')::uuid, now() - interval '3 hours', NULL, 'active', 'ios-5b1c7e0a-0f4e-4a57-9d0e-2c1f3f9a1001', '126.211.40.77',
 (SELECT ua2 FROM sp WHERE n = 15001), 'Tokyo, JP', 70, 'L5-traveller'),
(md5('user-15001')::uuid, now() - interval '2 hours', NULL, 'active', 'web-paris-traveller01', '153.156.88.12',
 (SELECT ua FROM sp WHERE n = 15001), 'Tokyo, JP', 75, 'L5-traveller');
INSERT INTO eval.labels VALUES ('lookalike', 'L5 business traveller Paris->Tokyo 14 h', 'user', md5('user-15001')::uuid::text);

-- L6 cross-border commuters: 25 live in Annemasse FR, work in Geneva CH (2 office addresses); 5 spelled "Genève"
CREATE TEMP TABLE com AS
SELECT n, md5('user-' || n)::uuid uid, pg_temp.rip(90) home_ip, 'web-commuter-' || n dev,
       pg_temp.pick((SELECT array_agg(s) FROM ua WHERE kind = 'desk')) dua,
       'and-commuter' || n pdev, (SELECT s FROM ua WHERE s LIKE '%SM-A536B%') pua,
       CASE WHEN n % 2 = 0 THEN '85.195.214.3' ELSE '178.238.160.66' END office_ip,
       CASE WHEN n % 5 = 0 THEN 'Genève, CH' ELSE 'Geneva, CH' END office_loc
FROM generate_series(15002, 15026) n;
INSERT INTO s  -- home in the morning, office 45-70 min later (phone on the tram in between for some), home again in the evening
SELECT uid, date_trunc('day', now()) - d * interval '1 day' + interval '6 hours 10 minutes' + random() * interval '20 minutes', interval '30 minutes',
       'loggedout', pdev, home_ip, pua, 'Annemasse, FR', 75, 'L6-commuter' FROM com CROSS JOIN generate_series(0, 13) d
UNION ALL
SELECT uid, date_trunc('day', now()) - d * interval '1 day' + interval '7 hours 20 minutes' + random() * interval '20 minutes', interval '9 hours',
       CASE WHEN d = 0 THEN 'active' ELSE 'loggedout' END, dev, office_ip, dua, office_loc, 85, 'L6-commuter'
FROM com CROSS JOIN generate_series(0, 13) d
UNION ALL
SELECT uid, date_trunc('day', now()) - d * interval '1 day' + interval '17 hours 30 minutes' + random() * interval '60 minutes', interval '3 hours',
       'loggedout', pdev, home_ip, pua, 'Annemasse, FR', 75, 'L6-commuter' FROM com CROSS JOIN generate_series(1, 13) d;
INSERT INTO s  -- today: a quick check on the phone from the tram, Swiss mobile network, 15 min after leaving home
SELECT uid, date_trunc('day', now()) + interval '6 hours 50 minutes', interval '5 minutes', 'loggedout', pdev, pg_temp.rip(46), pua, 'Geneva, CH', 70, 'L6-commuter'
FROM com WHERE n % 3 = 0;
INSERT INTO eval.labels SELECT 'lookalike', 'L6 cross-border commuter Annemasse<->Geneva', 'user', uid::text FROM com;
INSERT INTO eval.labels SELECT DISTINCT 'lookalike', 'L6 commuter office', 'ip', office_ip FROM com;

-- L7 family sharing a tablet in Hamburg: 4 users, 1 tablet, parents also have phones
CREATE TEMP TABLE fam AS SELECT n, md5('user-' || n)::uuid uid FROM generate_series(15041, 15044) n;
INSERT INTO s
SELECT uid, now() - d * interval '1 day' - interval '30 minutes' - random() * interval '6 hours', interval '90 minutes',
       CASE WHEN d = 0 THEN 'active' ELSE 'loggedout' END, 'and-tab-7f3e9c21a0b4d5e6', '84.163.201.45',
       'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Safari/537.36',
       'Hamburg, DE', 60 + floor(random()*30)::int, 'L7-family'
FROM fam CROSS JOIN generate_series(0, 20) d WHERE random() < 0.6 OR d = 0;
INSERT INTO s
SELECT uid, now() - d * interval '1 day' - random() * interval '5 hours', interval '40 minutes', 'loggedout', 'ios-fam-' || n,
       CASE WHEN random() < 0.5 THEN '84.163.201.45' ELSE pg_temp.rip(176) END,
       (SELECT s FROM ua WHERE s LIKE '%iPhone OS 18%' AND s LIKE 'Mozilla%'), 'Hamburg, DE', 80, 'L7-family'
FROM fam CROSS JOIN generate_series(0, 20) d WHERE n <= 15042 AND random() < 0.7;
INSERT INTO eval.labels VALUES ('lookalike', 'L7 family tablet', 'device', 'and-tab-7f3e9c21a0b4d5e6');
INSERT INTO eval.labels SELECT 'lookalike', 'L7 family member', 'user', uid::text FROM fam;

-- L8 new phone today (Toronto): new device, new agent, a new mobile address, lower trust
INSERT INTO s VALUES
(md5('user-15050')::uuid, now() - interval '5 hours', interval '10 minutes', 'loggedout', 'ios-0d9f1a77-3c4b-4f0e-8e4a-17c2b9e05050', '24.114.52.9',
 (SELECT ua2 FROM sp WHERE n = 15050), 'Toronto, CA', 85, 'L8-newphone'),
(md5('user-15050')::uuid, now() - interval '2 hours', NULL, 'active', 'ios-4c2e9b18-77aa-4c3d-b0e2-5f8a1d6c0001', '24.114.52.9',
 (SELECT s FROM ua WHERE s LIKE '%iPhone OS 18%' AND s LIKE 'Mozilla%'), 'Toronto, CA', 45, 'L8-newphone'),
(md5('user-15050')::uuid, now() - interval '40 minutes', NULL, 'active', 'ios-4c2e9b18-77aa-4c3d-b0e2-5f8a1d6c0001', '174.88.140.19',
 'SessionApp/4.12.0 (iPhone; iOS 18.1.1; Scale/3.00)', 'Toronto, CA', 40, 'L8-newphone');
INSERT INTO eval.labels VALUES ('lookalike', 'L8 new phone today', 'user', md5('user-15050')::uuid::text),
                              ('lookalike', 'L8 new phone device', 'device', 'ios-4c2e9b18-77aa-4c3d-b0e2-5f8a1d6c0001');

-- L9 call centre, Lisbon: 90 agents, 2 shifts on 45 VDI desks, one managed browser build, whole shift logs in within 12 min
CREATE TEMP TABLE cc AS
SELECT n, md5('user-' || n)::uuid uid, (n - 15100) % 45 desk, (n - 15100) / 45 shift, pg_temp.rip(188) home_ip
FROM generate_series(15100, 15189) n;
INSERT INTO s
SELECT uid, date_trunc('day', now()) - d * interval '1 day' + CASE shift WHEN 0 THEN interval '7 hours' ELSE interval '15 hours' END
            - interval '6 minutes' + random() * interval '12 minutes', interval '8 hours',
       CASE WHEN d = 0 AND shift = 0 THEN 'active' ELSE 'loggedout' END,
       'vdi-lis-desk-' || lpad(desk::text, 3, '0'), '188.81.40.2',
       'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36',
       'Lisbon, PT', 60 + floor(random()*21)::int, 'L9-callcentre'
FROM cc CROSS JOIN generate_series(0, 20) d
WHERE extract(isodow FROM now() - d * interval '1 day') < 6 AND (d > 0 OR shift = 0 OR now() > date_trunc('day', now()) + interval '15 hours 10 minutes');
INSERT INTO s
SELECT uid, now() - d * interval '1 day' - random() * interval '4 hours', interval '30 minutes', 'loggedout', 'and-cc-' || n, home_ip,
       (SELECT s FROM ua WHERE s LIKE '%SM-A536B%'), 'Lisbon, PT', 70, 'L9-callcentre-home'
FROM cc CROSS JOIN generate_series(1, 20) d WHERE random() < 0.3;
INSERT INTO eval.labels VALUES ('lookalike', 'L9 call centre Lisbon (one browser build, shift-start burst)', 'ip', '188.81.40.2');
INSERT INTO eval.labels SELECT 'lookalike', 'L9 call-centre agent', 'user', uid::text FROM cc;

-- ================================================================ ATTACKS
-- A1 credential stuffing from 3 addresses in one /24, 150 victims in 18 min, aiohttp, trust 3-18
CREATE TEMP TABLE a1 AS SELECT u.*, row_number() OVER (ORDER BY n) rn FROM u WHERE h = 11 AND ci NOT IN (2,5,7,8,9,10) ORDER BY n LIMIT 150;
INSERT INTO s
SELECT uid, now() - interval '5 hours' + random() * interval '18 minutes', interval '2 minutes',
       CASE WHEN rn % 4 = 0 THEN 'active' ELSE 'loggedout' END, 'web-' || pg_temp.hx(20),
       '194.26.29.' || (14 + rn % 3), 'Python/3.11 aiohttp/3.9.5', 'Amsterdam, NL', 3 + floor(random()*16)::int, 'A1-stuffing'
FROM a1;
INSERT INTO eval.labels VALUES ('attack', 'A1 credential stuffing (3 IPs in a /24)', 'ip', '194.26.29.14'),
  ('attack', 'A1 credential stuffing (3 IPs in a /24)', 'ip', '194.26.29.15'), ('attack', 'A1 credential stuffing (3 IPs in a /24)', 'ip', '194.26.29.16');
INSERT INTO eval.labels SELECT 'victim', 'A1 victim', 'user', uid::text FROM a1;

-- A2 password spray: 4 residential-proxy addresses, 200 victims over 4 h, one ordinary Chrome string, trust 15-35
CREATE TEMP TABLE a2 AS SELECT u.*, row_number() OVER (ORDER BY n) rn FROM u WHERE h = 12 AND ci NOT IN (2,5,7,8,9,10,20,21,22,23,24,25) ORDER BY n LIMIT 200;
INSERT INTO s
SELECT uid, now() - interval '9 hours' + random() * interval '4 hours', interval '1 minute',
       CASE WHEN rn % 10 = 0 THEN 'active' ELSE 'loggedout' END, 'web-' || pg_temp.hx(20),
       (ARRAY['73.162.14.201','98.203.77.12','24.48.201.9','67.180.3.44'])[1 + rn % 4],
       'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
       (ARRAY['Chicago, US','Seattle, US','Toronto, CA','Austin, US'])[1 + rn % 4], 15 + floor(random()*21)::int, 'A2-spray'
FROM a2;
INSERT INTO eval.labels SELECT 'attack', 'A2 password spray (4 IPs, 4 h, Chrome UA)', 'ip', x
FROM unnest(ARRAY['73.162.14.201','98.203.77.12','24.48.201.9','67.180.3.44']) x;
INSERT INTO eval.labels SELECT 'victim', 'A2 victim', 'user', uid::text FROM a2;

-- A3 account takeover: Vienna user, home session 70 min ago, then Jakarta 40 min later, new device, curl, trust 45
INSERT INTO s VALUES
(md5('user-15060')::uuid, now() - interval '70 minutes', NULL, 'active', 'web-vienna-ato-victim', '80.110.31.77',
 (SELECT ua FROM sp WHERE n = 15060), 'Vienna, AT', 88, 'A3-ato'),
(md5('user-15060')::uuid, now() - interval '30 minutes', NULL, 'active', 'web-' || pg_temp.hx(20), '103.147.184.21',
 'curl/8.5.0', 'Jakarta, ID', 45, 'A3-ato');
INSERT INTO eval.labels VALUES ('attack', 'A3 account takeover Vienna->Jakarta, curl', 'user', md5('user-15060')::uuid::text);

-- A4 impossible travel: Toronto (written "Toronto, Ontario, CA"), then Warsaw 50 min later on the user's older laptop, normal agent/trust
INSERT INTO s VALUES
(md5('user-15061')::uuid, now() - interval '3 hours', interval '30 minutes', 'loggedout', 'web-toronto-it-victim', '70.49.12.201',
 (SELECT ua FROM sp WHERE n = 15061), 'Toronto, Ontario, CA', 90, 'A4-travel'),
(md5('user-15061')::uuid, now() - interval '2 hours 10 minutes', NULL, 'active', 'web-toronto-old-laptop', '89.64.23.150',
 (SELECT ua2 FROM sp WHERE n = 15061), 'Warsaw, PL', 65, 'A4-travel');
INSERT INTO eval.labels VALUES ('attack', 'A4 impossible travel Toronto->Warsaw 50 min', 'user', md5('user-15061')::uuid::text);

-- A5 device farm: one Android id, 36 users, 36 mobile-proxy addresses, 6 h, normal Android agent, trust 40-65, in-country places
CREATE TEMP TABLE a5 AS SELECT u.*, row_number() OVER (ORDER BY n) rn FROM u WHERE h = 13 AND ci NOT IN (2,5,7,8,9,10) ORDER BY n LIMIT 36;
INSERT INTO s
SELECT a5.uid, now() - interval '7 hours' + random() * interval '6 hours', interval '20 minutes',
       CASE WHEN rn % 3 = 0 THEN 'active' ELSE 'loggedout' END, 'and-9c3f55e1b07d2a48',
       '' || (ARRAY[37,46,62,89,176,178,188,212])[1 + rn % 8] || '.' || (rn * 7 % 250) || '.' || (rn % 33 * 5) || '.' || (10 + rn % 33),
       'Mozilla/5.0 (Linux; Android 12; SM-G991B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.6668.100 Mobile Safari/537.36',
       (SELECT c.loc FROM city c WHERE c.cc = a5.cc ORDER BY c.ci = a5.ci, random() + a5.n*0 LIMIT 1), 40 + floor(random()*26)::int, 'A5-farm'
FROM a5;
INSERT INTO eval.labels VALUES ('attack', 'A5 device farm (36 users, 36 IPs)', 'device', 'and-9c3f55e1b07d2a48');
INSERT INTO eval.labels SELECT 'victim', 'A5 victim', 'user', uid::text FROM a5;

-- A6 session-token replay: Berlin user's browser session (same device id and agent) reused from Ho Chi Minh City 2 min later, and again 30 min later
INSERT INTO s VALUES
(md5('user-15062')::uuid, now() - interval '40 minutes', NULL, 'active', 'web-berlin-replay-victim', '91.64.118.23',
 (SELECT ua FROM sp WHERE n = 15062), 'Berlin, DE', 90, 'A6-replay'),
(md5('user-15062')::uuid, now() - interval '38 minutes', NULL, 'active', 'web-berlin-replay-victim', '45.77.41.19',
 (SELECT ua FROM sp WHERE n = 15062), 'Ho Chi Minh City, VN', 90, 'A6-replay'),
(md5('user-15062')::uuid, now() - interval '8 minutes', NULL, 'active', 'web-berlin-replay-victim', '45.77.41.19',
 (SELECT ua FROM sp WHERE n = 15062), 'Ho Chi Minh City, VN', 90, 'A6-replay');
INSERT INTO eval.labels VALUES ('attack', 'A6 token replay Berlin/Ho Chi Minh City', 'user', md5('user-15062')::uuid::text);

-- A7 botnet low-and-slow: 60 residential addresses worldwide, one victim each, one every 20 min, old Firefox 52, trust 25-45
CREATE TEMP TABLE a7 AS SELECT u.*, row_number() OVER (ORDER BY n) rn, pg_temp.rip(pg_temp.pick(ARRAY[41,45,78,95,103,110,177,181,186,190,197,201])) bot_ip
FROM u WHERE h = 14 AND ci NOT IN (2,5,7,8,9,10) ORDER BY n LIMIT 60;
INSERT INTO s
SELECT uid, now() - interval '20 hours' + rn * interval '20 minutes', interval '15 minutes',
       CASE WHEN rn % 5 = 0 THEN 'active' ELSE 'loggedout' END, 'web-' || pg_temp.hx(20), bot_ip,
       'Mozilla/5.0 (Windows NT 6.1; rv:52.0) Gecko/20100101 Firefox/52.0',
       (SELECT c.loc FROM city c WHERE c.cc <> a7.cc ORDER BY random() + a7.n*0 LIMIT 1), 25 + floor(random()*21)::int, 'A7-botnet'
FROM a7;
INSERT INTO eval.labels SELECT 'attack', 'A7 botnet low-and-slow', 'ip', bot_ip FROM a7;
INSERT INTO eval.labels SELECT 'attack', 'A7 botnet victim', 'user', uid::text FROM a7;

-- A8 (own): credential stuffing rotating through one IPv6 /64: 120 victims in 20 min, each from its own address, Go-http-client, trust 5-15
CREATE TEMP TABLE a8 AS SELECT u.*, row_number() OVER (ORDER BY n) rn FROM u WHERE h = 15 AND ci NOT IN (2,5,7,8,9,10) ORDER BY n LIMIT 120;
INSERT INTO s
SELECT uid, now() - interval '3 hours' + random() * interval '20 minutes', interval '1 minute',
       CASE WHEN rn % 6 = 0 THEN 'active' ELSE 'loggedout' END, 'web-' || pg_temp.hx(20),
       '2a0e:97c0:38f:0:' || pg_temp.hx(4) || ':' || pg_temp.hx(4) || ':' || pg_temp.hx(4) || ':' || pg_temp.hx(4),
       'Go-http-client/2.0', 'Stockholm, SE', 5 + floor(random()*11)::int, 'A8-ipv6-rotation'
FROM a8;
INSERT INTO eval.labels SELECT 'attack', 'A8 IPv6 /64 rotation stuffing', 'ip', ip FROM s WHERE tag = 'A8-ipv6-rotation';
INSERT INTO eval.labels SELECT 'attack', 'A8 victim', 'user', uid::text FROM a8;

-- ---------------------------------------------------------------- materialise
-- ensure nothing ended is in the future
UPDATE s SET dur = greatest(interval '1 minute', least(dur, now() - created - interval '1 minute')) WHERE st <> 'active' AND created + dur >= now();
UPDATE s SET st = 'active', dur = NULL WHERE st <> 'active' AND created >= now() - interval '2 minutes';
-- a few IPv6 normal mobile users for realism
UPDATE s SET ip = '2a02:810d:' || pg_temp.hx(4) || ':' || pg_temp.hx(4) || '::' || pg_temp.hx(3) WHERE tag LIKE 'normal%' AND random() < 0.03;
INSERT INTO public.user_sessions(user_id, session_token, expires_at, is_active, device_id, ip_address, user_agent, location,
                                 trust_level, created_at, updated_at, deleted_at)
SELECT uid, md5(random()::text || clock_timestamp()::text) || md5(random()::text),
       CASE st WHEN 'active' THEN created + interval '14 days' WHEN 'expired' THEN created + dur ELSE created + interval '14 days' END,
       st IN ('active', 'expired'), dev, ip, ua, loc, trust, created,
       CASE WHEN st = 'active' THEN created ELSE created + dur END,
       CASE WHEN st = 'deleted' THEN created + dur END
FROM s;
CREATE TABLE eval.s AS SELECT * FROM s;
ANALYZE public.user_sessions;
SELECT tag, count(*) FROM s GROUP BY 1 ORDER BY 1;
SELECT count(*) total, count(*) FILTER (WHERE is_active AND deleted_at IS NULL AND expires_at > now()) active,
       count(DISTINCT user_id) users FROM public.user_sessions;
