/** Cypher for people, posts, occupancies and statements. */
import { relationshipPropsQuery } from "../../graphql/graphRead.js";

export const POST_RESPONSIBILITIES = relationshipPropsQuery("post.responsibleFor", "(a:Post)-[r:RESPONSIBLE_FOR]->(b:ServiceArea)", "b.name, b.id");
export const POST_ACCOUNTABILITIES = relationshipPropsQuery("post.accountableTo", "(a:Post)-[r:ACCOUNTABLE_TO]->(b)", "r.line, b.id");
