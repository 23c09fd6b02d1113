// One full-text index over the searchable text of people, bodies, findings, themes and sources.
CREATE FULLTEXT INDEX search_text IF NOT EXISTS
FOR (n:Person|Organisation|Finding|Theme|Source|ServiceArea|Post)
ON EACH [n.name, n.title, n.summary, n.label, n.description, n.publisher];
