// Recreates search_text (002) with the English analyzer: Porter stemming, so "drift" finds "drifting",
// and English stop words ("the", "and", "of"…) left out of the index and of queries.
// Same labels and properties as 002; 002 itself is checksum-locked, so the change is a new file.
DROP INDEX search_text IF EXISTS;
CREATE FULLTEXT INDEX search_text
FOR (n:Person|Organisation|Finding|Theme|Source|ServiceArea|Post)
ON EACH [n.name, n.title, n.summary, n.label, n.description, n.publisher]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'english' } };
