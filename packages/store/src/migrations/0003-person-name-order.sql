-- 0003 person search by name: prefix matches ("张", "张伟") in code-point order, served by one btree
-- index whatever the database's default collation, so a paged search does not sort a whole county.
CREATE INDEX person_name_c ON person ((name COLLATE "C"), id);
