-- The platform's heartbeat (issue 3, point 4: "Time the server itself was down is credited back to
-- the learners whose attempts were running"). Every running instance writes its own row every few
-- seconds; the platform was down when NO instance was beating, so downtime is measured from the
-- latest beat over all rows (DowntimeService).
--
-- The row '(recovery)' is no instance: a starting instance locks it (SELECT ... FOR UPDATE) to
-- credit an outage and then sets it to its start time, so the outage counts as handled and a second
-- instance starting at the same moment does not credit it again. NULL there means never recovered.
CREATE TABLE platform_heartbeat (
  instance_id  VARCHAR(100) NOT NULL PRIMARY KEY,
  beat_at      DATETIME(3)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO platform_heartbeat (instance_id, beat_at) VALUES ('(recovery)', NULL);
