package be.edusprong.lms.assessment.item;

/**
 * The kind of interaction an {@link Item} asks of the learner, named after the QTI 3.0 interaction
 * it maps to (1EdTech QTI 3.0, "Item Interactions").
 */
public enum ItemType {
  /**
   * Choose exactly one option: QTI {@code qti-choice-interaction} with {@code max-choices="1"},
   * response cardinality {@code single}. GIFT: an answer block with at least one {@code =} answer.
   * Several {@code =} answers are each fully right; {@code ~%n%} gives partial credit.
   */
  CHOICE_SINGLE,

  /**
   * Choose any number of options: QTI {@code qti-choice-interaction} with {@code max-choices="0"},
   * cardinality {@code multiple}, scored with {@code map_response}. GIFT: an answer block of only
   * {@code ~%n%} answers (no {@code =}).
   */
  CHOICE_MULTIPLE,

  /**
   * Choose true or false: a QTI {@code qti-choice-interaction} with two fixed choices, cardinality
   * {@code single}. GIFT: {@code {T}}, {@code {TRUE}}, {@code {F}} or {@code {FALSE}}.
   */
  TRUE_FALSE,

  /**
   * Type a word or phrase: QTI {@code qti-text-entry-interaction}, base type {@code string}. GIFT:
   * one or more {@code =} answers without {@code ~}.
   */
  SHORT_ANSWER,

  /**
   * Type a number: QTI {@code qti-text-entry-interaction}, base type {@code float}, compared with
   * {@code qti-equal} in absolute tolerance mode. GIFT: {@code {#...}}.
   */
  NUMERICAL,

  /**
   * Pair each premise with an answer: QTI {@code qti-match-interaction}, cardinality {@code
   * multiple}, base type {@code directedPair}. GIFT: {@code =premise -> answer}.
   */
  MATCHING,

  /**
   * Put the choices in the right order: QTI {@code qti-order-interaction}, cardinality {@code
   * ordered}, base type {@code identifier}, scored with {@code match_correct} (all or nothing);
   * Moodle {@code ordering} question type. The item's choices are listed in their correct order.
   */
  ORDERING,

  /**
   * Fill several gaps in a text, each its own sub-question with its own mark: Moodle {@code
   * multianswer} ("Embedded answers (Cloze)"); a QTI item whose body holds several {@code
   * qti-inline-choice-interaction} or {@code qti-text-entry-interaction}, each with its own
   * response. The item's {@link Gap}s carry the answers; their tokens mark their places in the
   * stem.
   */
  CLOZE,

  /**
   * Drop or select words into gaps in a text: QTI {@code qti-gap-match-interaction}, cardinality
   * {@code multiple}, base type {@code directedPair} (gap text, gap); Moodle {@code ddwtos} ("Drag
   * and drop into text") and {@code gapselect} ("Select missing words"). The item's {@link
   * GapText}s are offered; each {@link Gap} names the one that belongs in it.
   */
  GAP_MATCH,

  /**
   * Write a free text: QTI {@code qti-extended-text-interaction}; scored by a teacher, never
   * automatically. GIFT: an empty answer block {@code {}}.
   */
  ESSAY,

  /**
   * Text only, no interaction and no score (Moodle "description"; in QTI an item without
   * interaction). GIFT: a question without an answer block.
   */
  DESCRIPTION
}
