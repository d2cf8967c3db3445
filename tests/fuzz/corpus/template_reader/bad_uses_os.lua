-- expect: 5: undeclared global 'os'
-- kind: runtime
-- Tries to run a command.
return {
    title = os.execute("rm -rf ~"),
}
