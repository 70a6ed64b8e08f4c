package be.edusprong.lms.web.infrastructure;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the images of the content packages: {@code /media/<module>/images/<file>} from the
 * classpath resource {@code content/modules/<module>/images/<file>}. Only image types, only names
 * of letters, digits, '-', '_' and '.', so no path can leave the images folders.
 */
@WebServlet("/media/*")
public class MediaServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern PATH =
      Pattern.compile("/([a-z0-9-]+)/images/([A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.([a-z]+))");
  private static final Map<String, String> TYPES =
      Map.of(
          "svg", "image/svg+xml",
          "png", "image/png",
          "jpg", "image/jpeg",
          "jpeg", "image/jpeg",
          "webp", "image/webp",
          "gif", "image/gif");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    var m = path == null ? null : PATH.matcher(path);
    if (m == null || !m.matches() || !TYPES.containsKey(m.group(4))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String resource = "content/modules/" + m.group(1) + "/images/" + m.group(2);
    try (InputStream in = MediaServlet.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      response.setContentType(TYPES.get(m.group(4)));
      response.setHeader("Cache-Control", "public, max-age=3600");
      // An SVG opened directly must not run script: forbid everything but its own styles.
      response.setHeader(
          "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
      response.setHeader("X-Content-Type-Options", "nosniff");
      in.transferTo(response.getOutputStream());
    }
  }
}
