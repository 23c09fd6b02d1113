/** Cypher for themes and service areas. */
import { allQuery } from "../../graphql/graphRead.js";

export const ALL_THEMES = allQuery("themes.all", "Theme", "n.label");
export const ALL_SERVICE_AREAS = allQuery("serviceAreas.all", "ServiceArea", "n.name");
