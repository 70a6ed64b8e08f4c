/**
 * Exemptions (vrijstellingen): recognition of prior learning (EVC) for a module, by an exemption
 * test or granted by staff with a reason (issue 3, point 7). A passed exemption test proposes an
 * exemption that a teacher or coach confirms, unless the module confirms automatically; what a
 * regrade changes in the test's result changes the exemption too.
 */
package be.edusprong.lms.domain.exemption;
