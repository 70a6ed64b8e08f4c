package be.edusprong.lms.assessment.scoring;

/**
 * What a learner answered to one item (Dutch UI "antwoord"; QTI response variable {@code
 * RESPONSE}). Which kind fits which item:
 *
 * <ul>
 *   <li>{@link ChoiceResponse}: choice, multiple-choice and true/false items;
 *   <li>{@link TextResponse}: short-answer and numerical items, and essays;
 *   <li>{@link MatchResponse}: matching items;
 *   <li>{@link OrderResponse}: ordering items;
 *   <li>{@link GapResponse}: cloze and gap-match items.
 * </ul>
 */
public sealed interface Response
    permits ChoiceResponse, TextResponse, MatchResponse, OrderResponse, GapResponse {}
