package be.edusprong.lms.web.view;

import be.edusprong.lms.web.infrastructure.ErrorIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;

/**
 * The error page (error.xhtml): shows the error id. Exceptions from Faces arrive with {@code ?id=}
 * already logged; exceptions from elsewhere arrive as the servlet error attributes and are logged
 * here with a new id.
 */
@Named
@RequestScoped
public class ErrorPage {
  private String id;

  /** The error id to show, matching a line in the server log. */
  public String getId() {
    if (id == null) {
      FacesContext faces = FacesContext.getCurrentInstance();
      Map<String, Object> request = faces.getExternalContext().getRequestMap();
      Object error = request.get(RequestDispatcher.ERROR_EXCEPTION);
      String param = faces.getExternalContext().getRequestParameterMap().get("id");
      if (error instanceof Throwable t) {
        id = ErrorIds.log(String.valueOf(request.get(RequestDispatcher.ERROR_REQUEST_URI)), t);
      } else if (param != null && param.matches("[A-Z0-9]{8}")) {
        id = param;
      } else {
        id = "-";
      }
    }
    return id;
  }
}
