/**
 * The page frame: skip link, service navigation with the service name, footer. No GOV.UK header or crown:
 * this is not a GOV.UK service, so it uses the Design System's look without its branding.
 */
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";

const SECTIONS = [
  { href: "/", label: "England" },
  { href: "/themes", label: "Themes" },
  { href: "/accountability", label: "Accountability" },
  { href: "/connection", label: "Connection" },
  { href: "/search", label: "Search" },
];

function isCurrent(href: string, location: string): boolean {
  if (href === "/") return location === "/" || location.startsWith("/authority");
  return location.startsWith(href);
}

export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">Skip to main content</a>
      <section className="govuk-service-navigation app-service-navigation" aria-label="Service information">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link href="/" className="govuk-service-navigation__link">Children's services governance</Link>
            </span>
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list">
                {SECTIONS.map((section) => {
                  const current = isCurrent(section.href, location);
                  return (
                    <li key={section.href} className={`govuk-service-navigation__item${current ? " govuk-service-navigation__item--active" : ""}`}>
                      <Link href={section.href} className="govuk-service-navigation__link" aria-current={current ? "page" : undefined}>
                        {current ? <strong className="govuk-service-navigation__active-fallback">{section.label}</strong> : section.label}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s">
                Every fact here is read from a public source: Ofsted's inspection reports and news reports, each with a quote and where in
                the source it is. Developers: <a className="govuk-footer__link" href="/graphql">the GraphQL API (GraphiQL)</a>.
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
