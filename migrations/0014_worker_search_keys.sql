-- Worker search, second pass.
-- 1. The name search key joins a surname particle to the word after it ("De Luca" → "deluca",
--    "Lo Russo" → "lorusso", "Dall'Olio" → "dallolio", "D Angelo" → "dangelo"), so that "deluca",
--    "De Luca" and "de luca" all meet, whichever way a desk, the hotline or an import spelt it.
--    The rule lives in TypeScript (normaliseName in src/server/people/worker-names.ts); this
--    statement applies the same particle join, once, to the keys stored before it existed (they
--    are already lower case, unaccented, one space between words). Import rows written with the
--    importer's old key ("d angelo") become "dangelo" too.
update workers
   set search_name = regexp_replace(
         search_name,
         '(?<=^| )(d|l|de|di|da|del|dei|della|delle|dello|degli|dal|dall|dalla|dalle|dallo|lo|la|li|le) (?=[a-z0-9])',
         '\1',
         'g')
 where search_name ~ '(^| )(d|l|de|di|da|del|dei|della|delle|dello|degli|dal|dall|dalla|dalle|dallo|lo|la|li|le) [a-z0-9]';

-- 2. A phone number is looked up by its last digits ("4567" finds +39 333 123 4567): a suffix
--    LIKE needs the trigram index, the prefix indexes of 0004 cannot serve it.
create index workers_phone_trgm_idx on workers using gin (phone gin_trgm_ops) where phone is not null;
