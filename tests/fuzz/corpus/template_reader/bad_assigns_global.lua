-- expect: 4: assignment to global 'title'
-- kind: runtime
-- Forgets `local`.
title = "江苏省项目"
return { title = title }
