package be.edusprong.lms.domain.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.Importers;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bank keeps each question in a form that reads back to the imported item, or says why not. */
class BankStorageTest {

  private static List<Item> items(String text, String name) {
    FidelityReport report = Importers.importFile(text, name);
    assertFalse(report.refused(), report::refusal);
    return report.items();
  }

  @Test
  void giftQuestionsAreKeptAsGiftThatReadsBackToTheSameItem() {
    List<Item> items =
        items(
            "$CATEGORY: digitaal/wachtwoorden\n\n"
                + "::Sterk::Welk wachtwoord is sterk? {=Paard-Batterij-Nietje#Juist ~123456#Nee}\n\n"
                + "// [tag:basis]\nHoeveel is 6 x 7? {#42:0}\n",
            "w.gift");
    assertEquals(2, items.size());
    for (Item item : items) {
      BankStorage.Decision d = BankStorage.decide(item);
      assertTrue(d.storable(), d::problem);
      assertEquals(BankStorage.GIFT, d.format());
      Item back = BankStorage.parse(d.format(), d.source(), "digitaal/wachtwoorden", 3);
      assertEquals(item.identifier(), back.identifier());
      assertEquals("digitaal/wachtwoorden", back.category());
      assertTrue(BankStorage.same(back, item), d.source());
    }
  }

  @Test
  void aMoodleOrderingQuestionIsKeptInThePlatformsJsonForm() {
    Item item =
        items(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz>
                <question type="ordering"><name><text>Volgorde</text></name>
                  <questiontext format="html"><text>Van klein naar groot</text></questiontext>
                  <answer fraction="1" format="moodle_auto_format"><text>byte</text></answer>
                  <answer fraction="2" format="moodle_auto_format"><text>kB</text></answer>
                </question>
                </quiz>
                """,
                "o.xml")
            .get(0);
    assertEquals(ItemType.ORDERING, item.type());
    BankStorage.Decision d = BankStorage.decide(item);
    // GIFT cannot hold it and it has no QTI 3.0 document of its own: the platform's JSON form.
    assertTrue(d.storable(), d.problem());
    assertEquals(BankStorage.JSON, d.format());
    assertNull(d.problem());
    assertTrue(
        BankStorage.same(
            BankStorage.parse(d.format(), d.source(), item.category(), item.sourceLine()), item));
  }

  @Test
  void aQti30OrderingItemIsKeptAsItsOwnDocument() {
    String qti =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
            identifier="volgorde" title="Volgorde">
          <qti-response-declaration identifier="RESPONSE" cardinality="ordered" base-type="identifier">
            <qti-correct-response><qti-value>a</qti-value><qti-value>b</qti-value></qti-correct-response>
          </qti-response-declaration>
          <qti-item-body>
            <qti-order-interaction response-identifier="RESPONSE">
              <qti-prompt>Van klein naar groot</qti-prompt>
              <qti-simple-choice identifier="a">byte</qti-simple-choice>
              <qti-simple-choice identifier="b">kB</qti-simple-choice>
            </qti-order-interaction>
          </qti-item-body>
          <qti-response-processing
              template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
        </qti-assessment-item>
        """;
    Item item = items(qti, "volgorde.xml").get(0);
    assertEquals(ItemType.ORDERING, item.type());
    BankStorage.Decision d = BankStorage.decide(item);
    assertTrue(d.storable(), d::problem);
    assertEquals(BankStorage.QTI3, d.format());
    assertEquals(qti, d.source());
    assertTrue(BankStorage.same(BankStorage.parse(d.format(), d.source(), "", 1), item));
  }
}
