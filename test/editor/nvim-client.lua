-- A real, independent LSP client for test/editor/neovim.test.ts: Neovim's built-in client
-- (0.7 API: vim.lsp.start_client, no vim.lsp.start) talks to the restlint language server
-- about the file given on the command line, and writes what Neovim shows as JSON.
--
--   nvim --headless --clean -n -c 'luafile test/editor/nvim-client.lua' -- openapi.yaml
--
-- Environment:
--   RESTLINT_LSP_CMD     the server command, a JSON array (e.g. ["node","dist/cli.js","lsp","--stdio"])
--   RESTLINT_NVIM_OUT    where to write the result (JSON)
--   RESTLINT_NVIM_EDIT   optional, JSON {"line": n, "text": "...", "gone": "rule-id"}: after the first
--                        diagnostics, replace zero-based line n with text and wait until no
--                        diagnostic with code "gone" is left (and the server has published for
--                        the new version, when it sends versions)
--   RESTLINT_NVIM_TIMEOUT_MS  how long each wait may take (default 10000)
--
-- Exits with :qall! when everything arrived, :cquit 1 otherwise; the result file says why.

local result = { ok = false, published = {} }
local out = vim.env.RESTLINT_NVIM_OUT
local timeout = tonumber(vim.env.RESTLINT_NVIM_TIMEOUT_MS or '') or 10000
local server_exit = nil

local function write_result()
  local file = assert(io.open(out, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

local function finish(ok, err)
  result.ok = ok
  result.error = err
  local written = pcall(write_result)
  if ok and written then
    vim.cmd('qall!')
  else
    vim.cmd('cquit 1')
  end
end

-- What Neovim holds for the buffer, in its own terms (zero-based lines, byte columns,
-- vim.diagnostic.severity: 1 error … 4 hint).
local function snapshot(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    local href = lsp.codeDescription and lsp.codeDescription.href
    table.insert(list, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.code or lsp.code,
      href = href,
    })
  end
  return list
end

local function has_code(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    if (d.code or lsp.code) == code then
      return true
    end
  end
  return false
end

local function run()
  local cmd_json = vim.env.RESTLINT_LSP_CMD
  assert(cmd_json and cmd_json ~= '', 'RESTLINT_LSP_CMD is not set')
  local cmd = vim.fn.json_decode(cmd_json)
  assert(out and out ~= '', 'RESTLINT_NVIM_OUT is not set')
  local buf = vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(buf)
  assert(path ~= '', 'no file given: nvim ... -- <file>')
  local uri = vim.uri_from_bufnr(buf)
  result.uri = uri
  result.filetype = vim.bo[buf].filetype

  -- Record every publishDiagnostics for this buffer (its version and size) before handing
  -- it to Neovim's own handler, which turns it into vim.diagnostic entries.
  local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  local function on_publish(err, params, ctx, config)
    if params and params.uri == uri then
      table.insert(result.published, {
        version = params.version,
        count = params.diagnostics and #params.diagnostics or 0,
        tick = vim.api.nvim_buf_get_changedtick(buf),
      })
    end
    return default_handler(err, params, ctx, config)
  end

  local client_id = vim.lsp.start_client({
    name = 'restlint',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(path, ':h'),
    flags = { debounce_text_changes = 0 },
    handlers = { ['textDocument/publishDiagnostics'] = on_publish },
    on_exit = function(code, signal)
      server_exit = { code = code, signal = signal }
    end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(buf, client_id), 'vim.lsp.buf_attach_client failed')

  local function wait(what, predicate)
    local done = vim.wait(timeout, function()
      return server_exit ~= nil or predicate()
    end, 20)
    if server_exit ~= nil then
      error(string.format('the server exited (code %s, signal %s) while waiting for %s', tostring(server_exit.code), tostring(server_exit.signal), what), 0)
    end
    if not done then
      error(string.format('timed out after %d ms waiting for %s', timeout, what), 0)
    end
  end

  local started = vim.loop.hrtime()
  wait('the first diagnostics', function()
    return #vim.diagnostic.get(buf) > 0
  end)
  result.first_ms = (vim.loop.hrtime() - started) / 1e6
  result.initial = snapshot(buf)

  local edit = vim.env.RESTLINT_NVIM_EDIT
  if edit and edit ~= '' then
    edit = vim.fn.json_decode(edit)
    result.edited = true
    local published_before = #result.published
    started = vim.loop.hrtime()
    vim.api.nvim_buf_set_lines(buf, edit.line, edit.line + 1, true, { edit.text })
    -- The version Neovim sent with its didChange (it uses b:changedtick).
    local version = vim.lsp.util.buf_versions[buf] or vim.api.nvim_buf_get_changedtick(buf)
    result.edit_version = version
    wait('"' .. edit.gone .. '" to disappear after the edit', function()
      if has_code(buf, edit.gone) then
        return false
      end
      -- A publish after the edit, for this version when the server sends versions.
      for i = published_before + 1, #result.published do
        local v = result.published[i].version
        if v == nil or v == vim.NIL or v == version then
          return true
        end
      end
      return false
    end)
    result.edit_ms = (vim.loop.hrtime() - started) / 1e6
    result.after = snapshot(buf)
    result.text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, true), '\n') .. '\n'
  end
end

local ok, err = pcall(run)
finish(ok, (not ok) and tostring(err) or nil)
