CREATE TABLE pets (
  id text PRIMARY KEY,
  name text NOT NULL,
  tag text,
  status text NOT NULL DEFAULT 'available',
  owner text
);
