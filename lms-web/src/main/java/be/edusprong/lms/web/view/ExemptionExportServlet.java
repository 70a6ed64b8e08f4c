package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.exemption.ExemptionService;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /staf/vrijstellingen.csv}: the centre's exemptions as CSV for teachers and coaches
 * ({@link ExemptionService#csv}; issue 3, point 7: "exemptions appear in the learner's record and
 * export"). Access is limited to teachers and coaches by web.xml.
 */
@WebServlet("/staf/vrijstellingen.csv")
public class ExemptionExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient ExemptionService exemptions;
  @Inject transient CurrentUser currentUser;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String csv = exemptions.csv(currentUser.require().getId());
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"vrijstellingen.csv\"");
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(csv.getBytes(StandardCharsets.UTF_8));
  }
}
