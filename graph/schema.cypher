// Neo4j schema: applied idempotently at start-up (GRAPH_STORE=neo4j) and by `npm run seed`.
// One statement per blank-line-separated block; every statement is checked by `npm run cypher:lint`.

// Every label's id is unique (this also gives each label an index on id).
CREATE CONSTRAINT evaluation_id IF NOT EXISTS FOR (n:Evaluation) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT output_id IF NOT EXISTS FOR (n:Output) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT finding_id IF NOT EXISTS FOR (n:Finding) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT criterion_id IF NOT EXISTS FOR (n:Criterion) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT conclusion_id IF NOT EXISTS FOR (n:Conclusion) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT recommendation_id IF NOT EXISTS FOR (n:Recommendation) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (n:Theme) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT source_document_id IF NOT EXISTS FOR (n:SourceDocument) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT follow_up_action_id IF NOT EXISTS FOR (n:FollowUpAction) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT change_event_id IF NOT EXISTS FOR (n:ChangeEvent) REQUIRE n.id IS UNIQUE;

// The write lock every write transaction takes first (src/store/neo4j/store.ts).
CREATE CONSTRAINT graph_meta_id IF NOT EXISTS FOR (n:GraphMeta) REQUIRE n.id IS UNIQUE;

// Lookups by match key (nodes.byKeys): every element of a node's matchKeys list is one exact term
// of this full-text index (the keyword analyzer keeps a key whole: "national institute of
// statistics" is one term, and "national" finds nothing). A range or text index cannot serve a
// list property; a full-text index can. Every label is in it (labels without matchKeys add
// nothing); tests/store/neo4j-plans.test.ts checks the list against the model.
CREATE FULLTEXT INDEX node_keys IF NOT EXISTS FOR (n:Evaluation|Project|Organization|Person|Country|Output|Finding|Criterion|Conclusion|Recommendation|Theme|SourceDocument|FollowUpAction|ChangeEvent|Region|Document) ON EACH [n.matchKeys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};

// Natural keys, for direct Cypher use: project code, organisation acronym and names.
CREATE INDEX project_code IF NOT EXISTS FOR (n:Project) ON (n.code);

CREATE INDEX organization_acronym IF NOT EXISTS FOR (n:Organization) ON (n.acronym);

CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);

CREATE INDEX organization_local_name IF NOT EXISTS FOR (n:Organization) ON (n.localName);

// Property filters of the listing queries.
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);

CREATE INDEX evaluation_year IF NOT EXISTS FOR (n:Evaluation) ON (n.year);

// Full-text search (search, related recommendations) over the normalised text of the searchable labels.
CREATE FULLTEXT INDEX node_text IF NOT EXISTS FOR (n:Recommendation|Finding|Conclusion|Project|Organization) ON EACH [n.searchText];
