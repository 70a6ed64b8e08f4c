/**
 * Backing beans, one per page, mirroring the page paths. Thin: they call the domain's services and
 * turn domain exceptions into translated messages.
 */
package be.edusprong.lms.web.view;
