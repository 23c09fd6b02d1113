// Recreates search_text (004) to cover what people said and what meetings were for: Statement quotes and
// Meeting purposes join the names, titles, summaries, labels, descriptions and publishers already searched.
DROP INDEX search_text IF EXISTS;
CREATE FULLTEXT INDEX search_text
FOR (n:Person|Organisation|Finding|Theme|Source|ServiceArea|Post|Statement|Meeting)
ON EACH [n.name, n.title, n.summary, n.label, n.description, n.publisher, n.quote, n.purpose]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'english' } };
