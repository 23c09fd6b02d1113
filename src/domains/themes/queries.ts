/** Cypher for themes and service areas. */
import { allQuery, relatedQuery } from "../../graphql/graphRead.js";

export const ALL_THEMES = allQuery("themes.all", "Theme", "n.label");
export const ALL_SERVICE_AREAS = allQuery("serviceAreas.all", "ServiceArea", "n.name");
export const THEME_FINDINGS = relatedQuery("theme.findings", "Theme", "<-[:EXEMPLIFIES]-", "Finding", "b.id");
export const AREA_FINDINGS = relatedQuery("serviceArea.findings", "ServiceArea", "<-[:CONCERNS]-", "Finding", "b.id");
export const AREA_JUDGEMENT_AREAS = relatedQuery("serviceArea.judgementAreas", "ServiceArea", "<-[:COVERS]-", "JudgementArea", "b.validFrom, b.code");
export const AREA_POSTS = relatedQuery("serviceArea.responsiblePosts", "ServiceArea", "<-[:RESPONSIBLE_FOR]-", "Post", "b.title");
