package vn.hcmc.kpi.dashboard.system;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import vn.hcmc.kpi.dashboard.warehouse.WarehouseUnavailableException;

/**
 * Turns the expected failures into a clear, localized message: a problem-details JSON body for the
 * API, the {@code error} page for pages. Never a stack trace.
 */
final class ErrorPages {

  private ErrorPages() {
  }

  /** Status and localized message of an expected failure. */
  record Failure(HttpStatus status, String title, String message) {

    static Failure of(Exception exception, MessageSource messages, Locale locale) {
      HttpStatus status;
      String message;
      if (exception instanceof LocalizedException localized) {
        status = localized instanceof NotFoundException ? HttpStatus.NOT_FOUND
            : localized instanceof ForbiddenException ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        message = messages.getMessage(localized.code(), readable(localized.args()), localized.code(), locale);
      } else if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
        status = HttpStatus.BAD_REQUEST;
        message = messages.getMessage("request.badValue", new Object[] {mismatch.getName(), mismatch.getValue()},
            locale);
      } else if (exception instanceof WarehouseUnavailableException unavailable) {
        status = HttpStatus.SERVICE_UNAVAILABLE;
        message = messages.getMessage("warehouse.unavailable." + unavailable.reason().name(),
            new Object[] {unavailable.path()}, locale);
      } else {
        throw new IllegalArgumentException(exception);
      }
      String title = messages.getMessage("error.status." + status.value(), null, status.getReasonPhrase(), locale);
      return new Failure(status, title, message);
    }

    /** Dates as dd/MM/yyyy, everything else as text (no locale grouping in codes). */
    private static Object[] readable(Object[] args) {
      Object[] readable = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        readable[i] = args[i] instanceof LocalDate date ? new FigureFormat().date(date) : String.valueOf(args[i]);
      }
      return readable;
    }
  }

  /** For the JSON API: problem details. */
  @RestControllerAdvice(annotations = RestController.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
      this.messages = messages;
    }

    @ExceptionHandler({LocalizedException.class, MethodArgumentTypeMismatchException.class,
        WarehouseUnavailableException.class})
    ResponseEntity<ProblemDetail> problem(Exception exception, Locale locale) {
      Failure failure = Failure.of(exception, messages, locale);
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(failure.status(), failure.message());
      problem.setTitle(failure.title());
      return ResponseEntity.status(failure.status()).body(problem);
    }
  }

  /** For pages: the error page. */
  @ControllerAdvice(annotations = Controller.class)
  static class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
      this.messages = messages;
    }

    @ExceptionHandler({LocalizedException.class, MethodArgumentTypeMismatchException.class,
        WarehouseUnavailableException.class})
    ModelAndView page(Exception exception, Locale locale) {
      Failure failure = Failure.of(exception, messages, locale);
      return new ModelAndView("error", Map.of("status", failure.status().value(), "error", failure.title(),
          "message", failure.message()), failure.status());
    }
  }
}
