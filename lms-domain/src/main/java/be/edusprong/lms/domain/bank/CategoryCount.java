package be.edusprong.lms.domain.bank;

/**
 * A category of a centre's bank with its number of questions.
 *
 * @param category the category path ({@code ""} for questions without one)
 * @param items how many questions it holds
 */
public record CategoryCount(String category, long items) {}
