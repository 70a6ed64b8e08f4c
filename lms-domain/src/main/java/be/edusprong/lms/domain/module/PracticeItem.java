package be.edusprong.lms.domain.module;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A practice question of a unit, kept as its GIFT source text. The assessment engine's GIFT
 * importer turns it into an {@code Item} when it is shown or scored, so there is one truth of what
 * the question means.
 */
@Entity
@Table(name = "practice_item")
public class PracticeItem {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "unit_id")
  private LearningUnit unit;

  @Column(nullable = false, length = 200)
  private String identifier;

  @Column(nullable = false)
  private int position;

  @Column(name = "item_type", nullable = false, length = 30)
  private String itemType;

  @Column(nullable = false, length = 300)
  private String title;

  @Lob
  @Column(name = "gift_source", nullable = false)
  private String giftSource;

  protected PracticeItem() {}

  PracticeItem(LearningUnit unit, String identifier) {
    this.unit = unit;
    this.identifier = identifier;
  }

  void describe(int position, String itemType, String title, String giftSource) {
    this.position = position;
    this.itemType = itemType;
    this.title = title;
    this.giftSource = giftSource;
  }

  public Long getId() {
    return id;
  }

  public LearningUnit getUnit() {
    return unit;
  }

  public String getIdentifier() {
    return identifier;
  }

  public int getPosition() {
    return position;
  }

  public String getItemType() {
    return itemType;
  }

  public String getTitle() {
    return title;
  }

  public String getGiftSource() {
    return giftSource;
  }
}
