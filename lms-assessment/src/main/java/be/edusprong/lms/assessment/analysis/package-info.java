/**
 * Classical item analysis after a sitting: facility, discrimination (corrected item-total
 * point-biserial correlation), distractor counts and Cronbach's alpha, with a CSV export.
 *
 * <p>Input is {@link be.edusprong.lms.assessment.analysis.SittingResults} (points per learner and
 * item, chosen choices), computation is {@link be.edusprong.lms.assessment.analysis.ItemAnalysis}
 * (formulas and sources in its documentation), output is {@link
 * be.edusprong.lms.assessment.analysis.ItemAnalysisReport}, exported by {@link
 * be.edusprong.lms.assessment.analysis.ItemAnalysisCsv}. Pure functions: no clock, no storage, no
 * locale of the server. A statistic that cannot be computed (fewer than two learners, variance 0)
 * is NaN with a reason, never a division by zero.
 */
package be.edusprong.lms.assessment.analysis;
