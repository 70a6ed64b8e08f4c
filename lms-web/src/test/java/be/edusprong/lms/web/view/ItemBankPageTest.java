package be.edusprong.lms.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The file name shown and logged is the uploaded file's own name, never a client path. */
class ItemBankPageTest {

  @Test
  void aSubmittedPathIsCutToItsFileName() {
    assertEquals("bank.gift", ItemBankPage.baseName("bank.gift"));
    assertEquals("bank.xml", ItemBankPage.baseName("C:\\Users\\leraar\\Documents\\bank.xml"));
    assertEquals("bank.zip", ItemBankPage.baseName("/home/leraar/bank.zip"));
    assertEquals("upload", ItemBankPage.baseName(null));
    assertEquals("upload", ItemBankPage.baseName("C:\\map\\"));
  }
}
