package be.edusprong.lms.domain.module;

import be.edusprong.lms.assessment.gift.GiftParser;
import be.edusprong.lms.assessment.item.Item;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns stored practice questions (GIFT source) into assessment {@link Item}s, with a cache keyed
 * by the source text itself, so a changed question is never served from a stale entry.
 */
@ApplicationScoped
public class PracticeItems {
  private static final int MAX_CACHED = 5_000;

  private final Map<String, Item> cache = new ConcurrentHashMap<>();

  /**
   * The item a practice question stands for.
   *
   * @throws IllegalStateException when the stored source is not exactly one valid GIFT question
   *     (content is validated when loaded, so this means the database was edited by hand)
   */
  public Item toItem(PracticeItem practice) {
    String source = practice.getGiftSource();
    Item cached = cache.get(source);
    if (cached != null) {
      return cached;
    }
    List<Item> items = new GiftParser().parseStrict(source, "practice_item/" + practice.getId());
    if (items.size() != 1) {
      throw new IllegalStateException(
          "practice item " + practice.getId() + " holds " + items.size() + " questions");
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(source, items.get(0));
    return items.get(0);
  }
}
