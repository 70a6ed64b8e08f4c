package be.edusprong.lms.web.infrastructure;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;

/**
 * Turns every unhandled exception of a Faces request, ajax or not, into a redirect to the error
 * page with an error id ({@link ErrorIds}); an expired view reloads the page instead.
 */
public class LmsExceptionHandlerFactory extends ExceptionHandlerFactory {
  public LmsExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {
    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      if (events.hasNext()) {
        Throwable error = events.next().getContext().getException();
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String target;
        if (unwrap(error) instanceof ViewExpiredException expired) {
          target = external.getRequestContextPath() + expired.getViewId();
        } else {
          String id = ErrorIds.log(external.getRequestServletPath(), error);
          target = external.getRequestContextPath() + "/error.xhtml?id=" + id;
        }
        try {
          if (!external.isResponseCommitted()) {
            external.responseReset();
          }
          external.redirect(target);
          faces.responseComplete();
        } catch (IOException | IllegalStateException e) {
          throw new FacesException(e);
        }
        clear();
        return;
      }
      getWrapped().handle();
    }

    private void clear() {
      Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator();
      while (it.hasNext()) {
        it.next();
        it.remove();
      }
    }

    private static Throwable unwrap(Throwable t) {
      Throwable current = t;
      while (current instanceof FacesException && current.getCause() != null) {
        current = current.getCause();
      }
      return current;
    }
  }
}
