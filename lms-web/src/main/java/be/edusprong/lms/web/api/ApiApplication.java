package be.edusprong.lms.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Mounts the HTTP API at {@code /api/v1}. Its resources and providers in this package are found by
 * class scanning. Access by role is set in {@code web.xml} by path: {@code /api/v1/attempts/*} and
 * {@code /api/v1/assessments/*} for learners, {@code /api/v1/monitor/*} for teachers; {@code
 * /api/v1/session}, {@code /api/v1/keys} and {@code /api/v1/receipts/verify} are public.
 */
@ApplicationPath("api/v1")
public class ApiApplication extends Application {}
