import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import "./styles.scss";

// GOV.UK Frontend styles some components differently once its JavaScript can run; this script is that signal.
document.body.classList.add("govuk-frontend-supported", "js-enabled");
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
