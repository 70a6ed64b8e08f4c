package be.edusprong.lms.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.bank.BankItem;
import be.edusprong.lms.domain.bank.BankStorage;
import be.edusprong.lms.domain.bank.CategoryCount;
import be.edusprong.lms.domain.bank.ImportPreview;
import be.edusprong.lms.domain.bank.ImportResult;
import be.edusprong.lms.domain.bank.ItemBankService;
import be.edusprong.lms.domain.bank.PlannedItem;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The centre's item bank against MariaDB (issue 3, points 2 and 8): "By default a file imports all
 * or nothing; a teacher may confirm a partial import after seeing the report." Each test works in a
 * centre of its own, so counts are exact.
 */
@ExtendWith({MariaDbExtension.class, ArquillianExtension.class})
class ItemBankIT {
  /** Two good questions around one the GIFT importer rejects (line 7: 'abc' is no number). */
  static final String GIFT_WITH_ONE_BAD =
      """
      $CATEGORY: Veilig online/Wachtwoorden

      // [id:bank-goed-1]
      ::Sterk wachtwoord::Welk wachtwoord is het sterkst? {=Paard-Batterij-Nietje-Lamp ~123456}

      // [id:bank-fout]
      ::Kapot::Hoeveel tekens heeft een sterk wachtwoord minstens? {#abc}

      // [id:bank-goed-2]
      ::Hergebruik::Je mag hetzelfde wachtwoord op elke site gebruiken. {F}
      """;

  static final String GIFT_GOOD =
      """
      $CATEGORY: Veilig online/Wachtwoorden

      // [id:bank-goed-1]
      ::Sterk wachtwoord::Welk wachtwoord is het sterkst? {=Paard-Batterij-Nietje-Lamp ~123456}

      // [id:bank-goed-2]
      ::Hergebruik::Je mag hetzelfde wachtwoord op elke site gebruiken. {F}
      """;

  /** Nested Moodle categories; the ordering question has no stored form yet (no QTI writer). */
  static final String MOODLE_NESTED =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <quiz>
        <question type="category">
          <category><text>$course$/top/Digitale vaardigheden</text></category>
        </question>
        <question type="truefalse">
          <name><text>Cloud</text></name>
          <questiontext format="html"><text><![CDATA[<p>Bestanden in de cloud staan op een server.</p>]]></text></questiontext>
          <answer fraction="100"><text>true</text></answer>
          <answer fraction="0"><text>false</text></answer>
        </question>
        <question type="category">
          <category><text>$course$/top/Digitale vaardigheden/E-mail</text></category>
        </question>
        <question type="multichoice">
          <name><text>BCC</text></name>
          <questiontext format="html"><text><![CDATA[<p>Waar zet je adressen die anderen niet mogen zien?</p>]]></text></questiontext>
          <single>true</single>
          <answer fraction="100"><text>BCC</text></answer>
          <answer fraction="0"><text>CC</text></answer>
        </question>
        <question type="shortanswer">
          <name><text>Onderwerp</text></name>
          <questiontext format="html"><text><![CDATA[<p>Hoe heet het korte opschrift van een e-mail?</p>]]></text></questiontext>
          <answer fraction="100"><text>onderwerp</text></answer>
        </question>
        <question type="ordering">
          <name><text>Volgorde</text></name>
          <questiontext format="html"><text>Van klein naar groot</text></questiontext>
          <answer fraction="1" format="moodle_auto_format"><text>byte</text></answer>
          <answer fraction="2" format="moodle_auto_format"><text>kB</text></answer>
        </question>
      </quiz>
      """;

  static final String RESULT_REPORT =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <assessmentResult xmlns="http://www.imsglobal.org/xsd/imsqti_result_v2p1">
        <context sourcedId="cursist-1"/>
      </assessmentResult>
      """;

  @Deployment
  static WebArchive deployment() {
    return Deployments.lmsWar(ItemBankIT.class);
  }

  @Inject AccountService accounts;
  @Inject ItemBankService bank;

  @Test
  void aFileWithARejectedQuestionImportsNothingUnlessThePartialImportIsConfirmed() {
    UserAccount teacher = teacherInNewCentre();
    long centre = teacher.getCentre().getId();

    ImportPreview preview = bank.preview(teacher.getId(), bytes(GIFT_WITH_ONE_BAD), "w.gift");
    assertFalse(preview.complete());
    assertEquals(2, preview.storedCount());
    PlannedItem bad = preview.items().get(1);
    assertEquals(PlannedItem.Action.REJECTED, bad.action());
    assertEquals("7:64", bad.position());
    assertEquals(List.of("'abc' is not a number"), bad.messages());
    assertEquals(0, itemsIn(centre), "a preview writes nothing");

    ImportResult refused =
        bank.importFile(teacher.getId(), bytes(GIFT_WITH_ONE_BAD), "w.gift", false, false);
    assertEquals(ImportResult.Outcome.NOT_CONFIRMED, refused.outcome());
    assertNull(refused.importId());
    assertEquals(0, itemsIn(centre), "all or nothing: nothing stored");
    assertEquals(0, Sql.number("SELECT COUNT(*) FROM bank_import WHERE centre_id = ?", centre));

    ImportResult partial =
        bank.importFile(teacher.getId(), bytes(GIFT_WITH_ONE_BAD), "w.gift", true, false);
    assertEquals(ImportResult.Outcome.STORED, partial.outcome());
    assertEquals(
        List.of(List.of("bank-goed-1", "gift", 1), List.of("bank-goed-2", "gift", 1)),
        Sql.rows(
                "SELECT identifier, source_format, version FROM bank_item WHERE centre_id = ?"
                    + " ORDER BY identifier",
                centre)
            .stream()
            .map(r -> List.of(r.get(0), r.get(1), ((Number) r.get(2)).intValue()))
            .toList());
    List<Object> log =
        Sql.rows(
                "SELECT partial_confirmed, imported_count, rejected_count, stored_count,"
                    + " kept_summary, imported_by, file_name, format FROM bank_import WHERE id = ?",
                partial.importId())
            .get(0);
    assertEquals(true, log.get(0));
    assertEquals(2, ((Number) log.get(1)).intValue());
    assertEquals(1, ((Number) log.get(2)).intValue());
    assertEquals(2, ((Number) log.get(3)).intValue());
    assertEquals("7:64 REJECTED: 'abc' is not a number", log.get(4));
    assertEquals(teacher.getId(), ((Number) log.get(5)).longValue());
    assertEquals("w.gift", log.get(6));
    assertEquals("gift", log.get(7));

    // What is stored reads back to the imported question.
    BankItem stored =
        bank.items(teacher.getId(), "Veilig online/Wachtwoorden").stream()
            .filter(b -> b.getIdentifier().equals("bank-goed-1"))
            .findFirst()
            .orElseThrow();
    Item item =
        BankStorage.parse(
            stored.getSourceFormat(),
            stored.getSource(),
            stored.getCategory(),
            stored.getSourceLine());
    assertEquals("Sterk wachtwoord", item.title());
    assertEquals("Veilig online/Wachtwoorden", item.category());
    assertEquals("CHOICE_SINGLE", stored.getItemType());
    assertEquals(4, stored.getSourceLine());
  }

  @Test
  void aCompleteFileImportsAsAWholeWithoutConfirmation() {
    UserAccount teacher = teacherInNewCentre();
    ImportResult result =
        bank.importFile(teacher.getId(), bytes(GIFT_GOOD), "w.gift", false, false);
    assertEquals(ImportResult.Outcome.STORED, result.outcome());
    assertEquals(
        false,
        Sql.rows("SELECT partial_confirmed FROM bank_import WHERE id = ?", result.importId())
            .get(0)
            .get(0));
    assertEquals(
        List.of(new CategoryCount("Veilig online/Wachtwoorden", 2)),
        bank.categories(teacher.getId()));
  }

  @Test
  void aRefusedFileStoresNothingAndSaysWhatItIs() {
    UserAccount teacher = teacherInNewCentre();
    ImportResult result =
        bank.importFile(teacher.getId(), bytes(RESULT_REPORT), "resultaten.xml", true, true);
    assertEquals(ImportResult.Outcome.REFUSED, result.outcome());
    assertEquals(
        "a QTI result report (assessmentResult), not an item bank",
        result.preview().report().refusal());
    assertEquals(0, itemsIn(teacher.getCentre().getId()));
    assertEquals(
        0,
        Sql.number(
            "SELECT COUNT(*) FROM bank_import WHERE centre_id = ?", teacher.getCentre().getId()));

    // Not UTF-8: refused as well.
    ImportResult latin1 =
        bank.importFile(
            teacher.getId(),
            "Caf\u00e9? {T}".getBytes(StandardCharsets.ISO_8859_1),
            "latin1.gift",
            true,
            false);
    assertEquals(ImportResult.Outcome.REFUSED, latin1.outcome());
    assertEquals(0, itemsIn(teacher.getCentre().getId()));
  }

  @Test
  void aReimportOfTheSameIdentifiersIsRefusedUnlessReplaceIsChosen() {
    UserAccount teacher = teacherInNewCentre();
    long centre = teacher.getCentre().getId();
    assertTrue(
        bank.importFile(teacher.getId(), bytes(GIFT_GOOD), "v1.gift", false, false).stored());

    String changed = GIFT_GOOD.replace("~123456", "~123456 ~qwerty");
    ImportResult again = bank.importFile(teacher.getId(), bytes(changed), "v2.gift", false, false);
    assertEquals(ImportResult.Outcome.NOTHING_TO_STORE, again.outcome());
    assertEquals(2, again.preview().count(PlannedItem.Action.CONFLICT));
    assertTrue(
        again.preview().items().get(0).problem().contains("already has 'bank-goed-1' (version 1)"),
        again.preview().items().get(0).problem());
    assertEquals(1, Sql.number("SELECT COUNT(*) FROM bank_import WHERE centre_id = ?", centre));
    assertFalse(
        Sql.text(
                "SELECT source FROM bank_item WHERE centre_id = ? AND identifier = ?",
                centre,
                "bank-goed-1")
            .contains("qwerty"));

    ImportResult replaced =
        bank.importFile(teacher.getId(), bytes(changed), "v2.gift", false, true);
    assertEquals(ImportResult.Outcome.STORED, replaced.outcome());
    assertEquals(2, replaced.preview().count(PlannedItem.Action.REPLACE));
    List<Object> row =
        Sql.rows(
                "SELECT version, replaced_at, source_file, import_id, source FROM bank_item"
                    + " WHERE centre_id = ? AND identifier = ?",
                centre,
                "bank-goed-1")
            .get(0);
    assertEquals(2, ((Number) row.get(0)).intValue());
    assertNotNull(row.get(1));
    assertEquals("v2.gift", row.get(2));
    assertEquals(replaced.importId(), ((Number) row.get(3)).longValue());
    assertTrue(((String) row.get(4)).contains("qwerty"));
    assertEquals(2, itemsIn(centre), "replaced, not added");
    assertEquals(
        2, Sql.number("SELECT replaced_count FROM bank_import WHERE id = ?", replaced.importId()));

    // One new question beside a known one, without replace: a partial import the teacher confirms.
    String oneNew =
        changed + "\n// [id:bank-goed-3]\n::Kluis::Een wachtwoordkluis bewaart wachtwoorden. {T}\n";
    ImportResult mixed = bank.importFile(teacher.getId(), bytes(oneNew), "v3.gift", false, false);
    assertEquals(ImportResult.Outcome.NOT_CONFIRMED, mixed.outcome());
    assertEquals(2, itemsIn(centre));
    assertTrue(bank.importFile(teacher.getId(), bytes(oneNew), "v3.gift", true, false).stored());
    assertEquals(3, itemsIn(centre));
    assertEquals(
        2,
        Sql.number(
            "SELECT version FROM bank_item WHERE centre_id = ? AND identifier = ?",
            centre,
            "bank-goed-1"),
        "a confirmed partial import without replace leaves known questions alone");
  }

  @Test
  void moodleXmlKeepsItsNestedCategoriesAndEveryTypeIncludingOrdering() {
    UserAccount teacher = teacherInNewCentre();
    ImportPreview preview = bank.preview(teacher.getId(), bytes(MOODLE_NESTED), "bank.xml");
    assertTrue(preview.report().complete(), "the importer read every question");
    assertTrue(preview.complete(), "every question has a stored form");
    PlannedItem ordering = preview.items().get(3);
    assertEquals("ORDERING", ordering.type());
    assertNull(ordering.problem());

    ImportResult result =
        bank.importFile(teacher.getId(), bytes(MOODLE_NESTED), "bank.xml", false, false);
    assertEquals(ImportResult.Outcome.STORED, result.outcome());
    List<CategoryCount> categories = bank.categories(teacher.getId());
    assertEquals(
        List.of("$course$/top/Digitale vaardigheden/E-mail"),
        categories.stream()
            .map(CategoryCount::category)
            .filter(c -> c.endsWith("E-mail"))
            .toList());
    assertEquals(
        List.of("BCC", "Onderwerp", "Volgorde"),
        bank.items(teacher.getId(), "$course$/top/Digitale vaardigheden/E-mail").stream()
            .map(BankItem::getTitle)
            .toList());
    assertEquals(
        "moodle_xml", Sql.text("SELECT format FROM bank_import WHERE id = ?", result.importId()));
    assertEquals(
        1,
        Sql.number(
            "SELECT COUNT(*) FROM bank_item WHERE centre_id = ? AND source_format = 'json'"
                + " AND item_type = 'ORDERING'",
            teacher.getCentre().getId()),
        "the ordering question is kept in the platform's JSON form");
    for (BankItem b : bank.items(teacher.getId(), "$course$/top/Digitale vaardigheden/E-mail")) {
      Item back =
          BankStorage.parse(b.getSourceFormat(), b.getSource(), b.getCategory(), b.getSourceLine());
      assertEquals(b.getIdentifier(), back.identifier());
    }
  }

  @Test
  void anotherCentresBankIsNeitherVisibleNorInTheWay() {
    UserAccount mine = teacherInNewCentre();
    UserAccount theirs = teacherInNewCentre();
    assertTrue(bank.importFile(mine.getId(), bytes(GIFT_GOOD), "w.gift", false, false).stored());

    assertEquals(List.of(), bank.categories(theirs.getId()));
    assertEquals(List.of(), bank.items(theirs.getId(), "Veilig online/Wachtwoorden"));
    // The same identifiers are new in the other centre: no conflict, no replacement of mine.
    ImportResult result = bank.importFile(theirs.getId(), bytes(GIFT_GOOD), "w.gift", false, false);
    assertEquals(ImportResult.Outcome.STORED, result.outcome());
    assertEquals(2, result.preview().count(PlannedItem.Action.NEW));
    assertEquals(
        1,
        Sql.number(
            "SELECT version FROM bank_item WHERE centre_id = ? AND identifier = ?",
            mine.getCentre().getId(),
            "bank-goed-1"));
  }

  @Test
  void onlyActiveTeachersUseTheBank() {
    UserAccount teacher = teacherInNewCentre();
    UserAccount learner =
        accounts.create(
            teacher.getCentre().getCode(),
            "it-bank-c-" + UUID.randomUUID().toString().substring(0, 8),
            "Test cursist",
            "een-lang-wachtwoord",
            EnumSet.of(Role.LEARNER));
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> bank.importFile(learner.getId(), bytes(GIFT_GOOD), "w.gift", false, false));
    assertEquals("error.bank.notTeacher", e.messageKey());
    assertEquals(
        "error.bank.notTeacher",
        assertThrows(DomainException.class, () -> bank.categories(learner.getId())).messageKey());
    assertEquals(
        "error.bank.notTeacher",
        assertThrows(
                DomainException.class,
                () -> bank.preview(learner.getId(), bytes(GIFT_GOOD), "w.gift"))
            .messageKey());
    assertEquals(0, itemsIn(teacher.getCentre().getId()));

    accounts.setActive(teacher.getId(), false);
    assertEquals(
        "error.bank.notTeacher",
        assertThrows(
                DomainException.class,
                () -> bank.importFile(teacher.getId(), bytes(GIFT_GOOD), "w.gift", false, false))
            .messageKey());
  }

  @Test
  void aFileOverTheLimitIsRefusedWithoutBeingRead() {
    UserAccount teacher = teacherInNewCentre();
    byte[] big = new byte[(int) ItemBankService.MAX_FILE_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    ImportResult result = bank.importFile(teacher.getId(), big, "groot.gift", true, false);
    assertEquals(ImportResult.Outcome.REFUSED, result.outcome());
    assertTrue(
        result.preview().report().refusal().startsWith("the file is larger than 20 MiB"),
        result.preview().report().refusal());
  }

  private UserAccount teacherInNewCentre() {
    String code = "it-bank-" + UUID.randomUUID().toString().substring(0, 8);
    Sql.update("INSERT INTO centre (code, name, kind) VALUES (?, ?, 'CVO')", code, "CVO " + code);
    return accounts.create(
        code,
        "it-bank-l-" + UUID.randomUUID().toString().substring(0, 8),
        "Test leraar",
        "een-lang-wachtwoord",
        EnumSet.of(Role.TEACHER));
  }

  private static long itemsIn(long centreId) {
    return Sql.number("SELECT COUNT(*) FROM bank_item WHERE centre_id = ?", centreId);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
