package be.edusprong.lms.web.view;

import be.edusprong.lms.assessment.analysis.ItemAnalysis;
import be.edusprong.lms.assessment.analysis.ItemAnalysisCsv;
import be.edusprong.lms.assessment.analysis.ItemAnalysisReport;
import be.edusprong.lms.domain.delivery.SittingAnalysis;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code GET /leraar/toets-analyse.csv?id=<assessment>}: the item analysis of a sitting as CSV
 * (issue 3, point 6), UTF-8: the items table of {@link ItemAnalysisCsv#write}, an empty line, then
 * the test summary of {@link ItemAnalysisCsv#writeSummary}. Teachers only (under {@code /leraar/*}
 * in web.xml); 404 for an assessment outside the teacher's centre or a missing id, 409 while no
 * attempt is fully graded.
 */
@WebServlet("/leraar/toets-analyse.csv")
public class ItemAnalysisCsvServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject SittingAnalysis analysis;
  @Inject CurrentUser currentUser;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long id;
    try {
      id = Long.parseLong(request.getParameter("id"));
    } catch (NumberFormatException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    SittingAnalysis.Input input;
    try {
      input = analysis.input(id, currentUser.require().getId());
    } catch (DomainException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (input.results().isEmpty()) {
      response.sendError(HttpServletResponse.SC_CONFLICT, "no fully graded attempt yet");
      return;
    }
    ItemAnalysisReport report = ItemAnalysis.analyse(input.results().get());
    response.setContentType("text/csv; charset=UTF-8");
    response.setCharacterEncoding("UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"toetsanalyse-" + id + ".csv\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    PrintWriter out = response.getWriter();
    ItemAnalysisCsv.write(report, out);
    out.write("\r\n");
    ItemAnalysisCsv.writeSummary(report, out);
    out.flush();
  }
}
