package vn.hcmc.kpi.dashboard.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The sign-in page (the form posts to Spring Security's {@code POST /login}, with the CSRF token). */
@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "login";
  }

  /** Puts the signed-in user into every page's model, for the header (name, role, sign-out, links by role). */
  @ControllerAdvice
  static class ViewerModel {

    @ModelAttribute("viewer")
    Viewer viewer() {
      return Viewer.current();
    }
  }
}
