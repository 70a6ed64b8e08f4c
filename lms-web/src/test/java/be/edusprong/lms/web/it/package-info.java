/**
 * Integration tests: each {@code *IT} class deploys one micro-deployment ({@link
 * be.edusprong.lms.web.it.Deployments}) to Payara Micro and drives the domain services in the
 * container against a real MariaDB ({@link be.edusprong.lms.web.it.MariaDbExtension}).
 *
 * <p>Rule: assert what ends up in the database or comes back from a service, never what a mock was
 * told; tests make their own accounts (unique names) so classes and methods share one database
 * without depending on each other's data.
 */
package be.edusprong.lms.web.it;
