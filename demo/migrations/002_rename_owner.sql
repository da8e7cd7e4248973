-- v2 renames pets.owner to owner_id and indexes it
ALTER TABLE pets RENAME COLUMN owner TO owner_id;
CREATE INDEX pets_owner_id_idx ON pets (owner_id);
ALTER TABLE pets ADD CONSTRAINT pets_status_check CHECK (status IN ('available', 'sold', 'archived'));
