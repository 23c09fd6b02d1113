// Reviews (independent, peer, practice reviews: events with findings that are not Ofsted inspections):
// unique ids like every label, and their titles in search_text.
CREATE CONSTRAINT review_id IF NOT EXISTS FOR (n:Review) REQUIRE n.id IS UNIQUE;
DROP INDEX search_text IF EXISTS;
CREATE FULLTEXT INDEX search_text
FOR (n:Person|Organisation|Finding|Theme|Source|ServiceArea|Post|Statement|Meeting|Review)
ON EACH [n.name, n.title, n.summary, n.label, n.description, n.publisher, n.quote, n.purpose, n.focus]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'english' } };
