package vn.hcmc.kpi.dashboard.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The header's language links: the current page with {@code lang} set, keeping the other query
 * parameters (a bare {@code ?lang=en} would drop the city page's filters or the selected week).
 */
@ControllerAdvice(annotations = Controller.class)
class LanguageLinks {

  @ModelAttribute("languageLinks")
  Links languageLinks(HttpServletRequest request) {
    return new Links(link(request, "vi"), link(request, "en"));
  }

  private static String link(HttpServletRequest request, String language) {
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      return "?lang=" + language; // the error page: reload the address that failed, in that language
    }
    // the request's query is already encoded: build(true) keeps it as it is
    UriComponents uri = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", language)
        .build(true);
    return uri.getPath() + "?" + uri.getQuery();
  }

  record Links(String vi, String en) {
  }
}
