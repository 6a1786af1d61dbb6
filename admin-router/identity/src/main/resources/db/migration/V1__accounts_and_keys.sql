-- Users log in with a password; service accounts with a login token signed by their own key.
create table accounts (
  uid           text primary key,
  description   text        not null default '',
  password_hash text,
  public_key    text,
  superuser     boolean     not null default false,
  created_at    timestamptz not null,
  constraint one_credential check ((password_hash is null) <> (public_key is null))
);

-- The key pair that signs every authentication token; exactly one row, made on first start.
create table signing_key (
  id          smallint    primary key check (id = 1),
  key_id      text        not null,
  private_key bytea       not null,
  public_key  bytea       not null,
  created_at  timestamptz not null
);
