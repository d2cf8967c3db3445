-- expect: 3: a template must return form.template
-- Returns a name instead of the description.
return "nantong"
