/**
 * The web edge of Edusprong LMS: pages (Faces + PrimeFaces), authentication, start-up. The only
 * module that knows Faces, PrimeFaces, WebSocket or JAX-RS. Backing beans are thin, one per page,
 * and call the domain's application services; they never touch an EntityManager.
 */
package be.edusprong.lms.web;
