/** The explorer's pages and their addresses. */
import { useEffect } from "react";
import { Link, Route, Switch, useLocation } from "wouter";
import { Layout } from "./components/Layout.tsx";
import { Accountability } from "./pages/Accountability.tsx";
import { Authority } from "./pages/Authority.tsx";
import { Connection } from "./pages/Connection.tsx";
import { England } from "./pages/England.tsx";
import { EntityPage } from "./pages/Entity.tsx";
import { Search } from "./pages/Search.tsx";
import { Themes } from "./pages/Themes.tsx";

const TITLES: [RegExp, string][] = [
  [/^\/authority\//, "Authority"],
  [/^\/node\//, "Entity"],
  [/^\/themes/, "Themes"],
  [/^\/accountability/, "Accountability"],
  [/^\/connection/, "Connection"],
  [/^\/search/, "Search"],
  [/^\/$/, "England"],
];

function NotFound() {
  const [location] = useLocation();
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">There is no page at <code>{location}</code>. If you typed the address, check it is correct.</p>
      <p className="govuk-body"><Link className="govuk-link" href="/">See every authority in England</Link> or <Link className="govuk-link" href="/search">search</Link>.</p>
    </>
  );
}

export function App() {
  const [location] = useLocation();
  useEffect(() => {
    const title = TITLES.find(([pattern]) => pattern.test(location))?.[1] ?? "Page not found";
    document.title = `${title} — Children's services governance explorer`;
  }, [location]);
  return (
    <Layout>
      <Switch>
        <Route path="/" component={England} />
        <Route path="/authority/:id" component={Authority} />
        <Route path="/node/:id" component={EntityPage} />
        <Route path="/themes" component={Themes} />
        <Route path="/accountability" component={Accountability} />
        <Route path="/connection" component={Connection} />
        <Route path="/search" component={Search} />
        <Route component={NotFound} />
      </Switch>
    </Layout>
  );
}
