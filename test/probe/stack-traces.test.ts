import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeLeak, findLeakInBody, findStackMember, findStackTrace } from '../../rules/lib/stack-traces';

const runtimeOf = (text: string) => findStackTrace(text)?.runtime;

// Real Express 5 pages in development mode (captured from express 5.3.0 with supertest).
const EXPRESS_500 =
  '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Error: Failed to load user 1: connection refused<br> &nbsp; &nbsp;at /usr/src/app/app.js:6:37<br> &nbsp; &nbsp;at Layer.handleRequest (/usr/src/app/node_modules/router/lib/layer.js:169:33)<br> &nbsp; &nbsp;at next (/usr/src/app/node_modules/router/lib/route.js:163:13)</pre>\n</body>\n</html>\n';
const EXPRESS_400 =
  '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>SyntaxError: Unexpected end of JSON input<br> &nbsp; &nbsp;at JSON.parse (&lt;anonymous&gt;)<br> &nbsp; &nbsp;at parse (/work/main/node_modules/body-parser/lib/types/json.js:93:21)<br> &nbsp; &nbsp;at AsyncResource.runInAsyncScope (node:async_hooks:206:9)</pre>\n</body>\n</html>\n';
const EXPRESS_404 = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /restlint-probe-3f9a</pre>\n</body>\n</html>\n';

test('stack traces: Node.js frames, in every form Node writes them', () => {
  const node = `Error: Failed to load user 2: connection refused
    at loadUser (/usr/src/app/app.js:211:15)
    at Layer.handle [as handle_request] (/usr/src/app/node_modules/express/lib/router/layer.js:95:5)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;
  assert.deepEqual(findStackTrace(node), { runtime: 'Node.js', line: 'at loadUser (/usr/src/app/app.js:211:15)' });
  assert.deepEqual(findStackTrace('TypeError: x is undefined\n    at /app/dist/index.js:1:2'), { runtime: 'Node.js', line: 'at /app/dist/index.js:1:2' });
  assert.equal(runtimeOf('Error\n    at async Promise.all (index 0)\n    at async handler (file:///srv/api/routes/users.mjs:12:7)'), 'Node.js');
  assert.equal(runtimeOf('Error: boom\n    at Object.<anonymous> (C:\\Users\\dev\\api\\server.js:4:9)'), 'Node.js');
  assert.equal(runtimeOf('Error: boom\n    at processTicksAndRejections (node:internal/process/task_queues:95:5)'), 'Node.js');
  assert.equal(runtimeOf('Error: boom\n    at new UserService (/home/ci/api/src/users.service.ts:42:11)'), 'Node.js');
  // In a JSON string the newlines are real; in the raw body they are `\n` escapes.
  assert.equal(runtimeOf('{"stack":"Error: boom\\n    at f (/app/x.js:1:2)"}'), 'Node.js');
});

test('stack traces: Express development error pages (HTML) are read through their markup', () => {
  assert.deepEqual(findStackTrace(EXPRESS_500), { runtime: 'Node.js', line: 'at /usr/src/app/app.js:6:37' });
  assert.deepEqual(findStackTrace(EXPRESS_400), { runtime: 'Node.js', line: 'at JSON.parse (<anonymous>)' });
  assert.equal(findStackTrace(EXPRESS_404), undefined, "Express's 404 page has no stack");
});

test('stack traces: Java, including module frames, Caused by and Exception in thread', () => {
  const java = `java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null
	at com.example.shop.UserController.getUser(UserController.java:42)
	at java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
	at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:166)
Caused by: java.sql.SQLException: Connection refused
	... 42 more`;
  assert.deepEqual(findStackTrace(java), { runtime: 'Java', line: 'java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null' });
  assert.deepEqual(findStackTrace('\tat com.example.Foo.bar(Foo.java:42)'), { runtime: 'Java', line: 'at com.example.Foo.bar(Foo.java:42)' });
  assert.equal(runtimeOf('\tat java.base/java.lang.Thread.run(Thread.java:833)'), 'Java');
  assert.equal(runtimeOf('\tat sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)'), 'Java');
  assert.equal(runtimeOf('\tat com.example.AppKt.main(App.kt:7)'), 'Java');
  assert.equal(runtimeOf('Exception in thread "main" java.lang.IllegalStateException: boom'), 'Java');
  assert.equal(runtimeOf('wrapped\nCaused by: org.postgresql.util.PSQLException: FATAL'), 'Java');
  // Prose that starts like it is not a trace.
  assert.equal(runtimeOf('Caused by: a network issue on our side'), undefined);
});

test('stack traces: Python tracebacks and frames', () => {
  const python = `Traceback (most recent call last):
  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 1473, in wsgi_app
    response = self.full_dispatch_request()
  File "/app/api/users.py", line 3, in get_user
    return USERS[user_id]
KeyError: '42'`;
  assert.deepEqual(findStackTrace(python), { runtime: 'Python', line: 'Traceback (most recent call last):' });
  assert.deepEqual(findStackTrace('  File "/x.py", line 3, in f'), { runtime: 'Python', line: 'File "/x.py", line 3, in f' });
  assert.equal(runtimeOf('File "<stdin>", line 1'), 'Python');
});

test('stack traces: .NET frames, with and without source lines', () => {
  const dotnet = `System.InvalidOperationException: Sequence contains no elements
   at System.Linq.ThrowHelper.ThrowNoElementsException()
   at Shop.Api.Controllers.OrdersController.Get(Int32 id) in C:\\src\\Shop.Api\\Controllers\\OrdersController.cs:line 42
   at lambda_method5(Closure, Object, Object[])`;
  assert.deepEqual(findStackTrace(dotnet), { runtime: '.NET', line: 'System.InvalidOperationException: Sequence contains no elements' });
  assert.deepEqual(findStackTrace('   at Ns.Class.Method() in C:\\src\\X.cs:line 42'), { runtime: '.NET', line: 'at Ns.Class.Method() in C:\\src\\X.cs:line 42' });
  assert.equal(runtimeOf('   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.Execute(IActionResultTypeMapper mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)'), '.NET');
  assert.equal(runtimeOf('   at Shop.Api.Services.OrderService.Load(Int32 id, String tenant)'), '.NET');
  assert.equal(runtimeOf('--- End of stack trace from previous location ---'), '.NET');
  assert.equal(runtimeOf('   at /app/Program.cs:line 12'), 'source path');
});

test('stack traces: Ruby, PHP and Go', () => {
  assert.deepEqual(findStackTrace("/app/app/models/user.rb:12:in 'find_user'"), { runtime: 'Ruby', line: "/app/app/models/user.rb:12:in 'find_user'" });
  assert.equal(runtimeOf('app/controllers/users_controller.rb:7:in `show\''), 'Ruby');
  assert.equal(runtimeOf("NoMethodError: undefined method `name' for nil\n\tfrom /usr/lib/ruby/3.3.0/irb.rb:42:in `eval'"), 'Ruby');
  const php = `PHP Fatal error:  Uncaught Exception: boom in /var/www/html/index.php:3
Stack trace:
#0 /var/www/html/router.php(12): handle()
#1 {main}
  thrown in /var/www/html/index.php on line 3`;
  assert.deepEqual(findStackTrace(php), { runtime: 'PHP', line: 'PHP Fatal error:  Uncaught Exception: boom in /var/www/html/index.php:3' });
  assert.deepEqual(findStackTrace('Stack trace:\n#0 /var/www/x.php(12): f()'), { runtime: 'PHP', line: 'Stack trace:' });
  assert.equal(runtimeOf('<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function foo() in /var/www/html/api.php:8'), 'PHP');
  assert.equal(runtimeOf('<b>Warning</b>:  Undefined variable $x in <b>/var/www/x.php</b> on line <b>3</b><br />'), 'PHP');
  const go = `panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]

goroutine 1 [running]:
main.handler(...)
	/home/dev/shop/main.go:27 +0x1d`;
  assert.deepEqual(findStackTrace(go), { runtime: 'Go', line: 'panic: runtime error: invalid memory address or nil pointer dereference' });
  assert.equal(runtimeOf('goroutine 17 [chan receive, 2 minutes]:'), 'Go');
  assert.equal(runtimeOf('panic: the answer is no'), undefined, 'a "panic:" with no Go frame is prose');
});

test('stack traces: absolute paths to source files and SQL errors', () => {
  assert.deepEqual(findStackTrace('failed to load config from /home/dev/shop/src/config.ts:12'), { runtime: 'source path', line: 'failed to load config from /home/dev/shop/src/config.ts:12' });
  assert.equal(runtimeOf('cannot read /usr/src/app/index.js'), 'source path');
  assert.equal(runtimeOf('error in C:\\Users\\build\\Shop\\Startup.cs'), 'source path');
  assert.equal(runtimeOf('include(/var/www/html/config.php): failed to open stream'), 'source path');
  assert.equal(runtimeOf('SQLSTATE[42S02]: Base table or view not found: 1146 Table \'shop.userz\' doesn\'t exist'), 'SQL');
  assert.equal(runtimeOf('ORA-00942: table or view does not exist'), 'SQL');
  assert.equal(runtimeOf("ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual near ''' at line 1"), 'SQL');
  assert.equal(runtimeOf('PG::UndefinedTable: ERROR:  relation "userz" does not exist'), 'SQL');
  assert.equal(runtimeOf('ERROR: syntax error at or near "FROM"'), 'SQL');
  assert.equal(runtimeOf('SQLITE_ERROR: no such table: users'), 'SQL');
  assert.equal(runtimeOf('duplicate key value violates unique constraint "users_email_key"'), 'SQL');
});

test('stack traces: the line is trimmed and cut to 200 characters', () => {
  const long = `    at handler (/usr/src/app/${'x'.repeat(300)}.js:1:2)`;
  const found = findStackTrace(long);
  assert.equal(found?.runtime, 'Node.js');
  assert.equal(found?.line.length, 200);
  assert.ok(found?.line.startsWith('at handler (/usr/src/app/xxx'));
  assert.ok(found?.line.endsWith('…'));
});

test('stack traces: traps that are not traces', () => {
  const traps = [
    '4bf92f3577b34da6a3ce929d0e0e4736',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    'Internal Server Error',
    'An unexpected error occurred. Quote trace id 4bf92f3577b34da6 to support.',
    'at least one item is required',
    'The shop opens at 10:30 and closes at the end of the day',
    'Unexpected token } in JSON at position 10',
    'See https://example.com/a/b.js for details',
    'https://example.com/app/main.js:10',
    'Download /static/app.js from the CDN',
    '2024-05-01T10:30:00.000Z',
    'C:\\Program Files\\Shop\\data',
    'Saved to C:\\Users\\ann\\Documents\\report.pdf',
    'panic: the answer is no',
    'Caused by: a network issue on our side',
    'The error occurred at line 3 of your CSV file',
    'File "report.csv" is too large',
    'ERROR_CODE_VALIDATION',
    'sql must not be empty',
    'Order failed at step 2: payment declined',
    'The exception list is empty',
    '/api/users/42',
    '/v1/orders/{orderId}/items.json',
    'Error: Not Found',
  ];
  for (const trap of traps) assert.equal(findStackTrace(trap), undefined, trap);
});

test('stack traces: stack members count whatever their text, but trace ids and tracing contexts do not', () => {
  assert.deepEqual(findStackMember({ title: 'Internal Server Error', status: 500, stack: 'Error: boom' }), { member: 'stack', value: 'Error: boom', runtime: undefined });
  assert.equal(findStackMember({ error: { stackTrace: ['at com.x.Y.z(Y.java:1)'] } })?.member, 'error.stackTrace');
  assert.equal(findStackMember({ error: { stackTrace: ['\tat com.x.Y.z(Y.java:1)'] } })?.runtime, 'Java');
  assert.equal(findStackMember({ errors: [{ stack_trace: 'x' }] })?.member, 'errors[0].stack_trace');
  assert.equal(findStackMember({ backtrace: ['app.rb:1'] })?.member, 'backtrace');
  assert.equal(findStackMember({ exception: 'Illuminate\\Database\\QueryException' })?.member, 'exception');
  // Laravel's debug body: `trace` is a list of frames as objects.
  assert.equal(findStackMember({ message: 'Server Error', exception: '', trace: [{ file: '/var/www/vendor/laravel/framework/src/Illuminate/Routing/Router.php', line: 760, function: 'runRoute' }] })?.member, 'trace');
  for (const clean of [
    { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', trace_id: 'abc', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    { trace: { id: '4bf92f3577b34da6', sampled: true } },
    { stack: '', stackTrace: [], exception: null, trace: [] },
    { type: 'about:blank', title: 'Internal Server Error', status: 500 },
  ]) {
    assert.equal(findStackMember(clean), undefined, JSON.stringify(clean));
  }
});

test('stack traces: a body is read as JSON strings when it parses, else as text', () => {
  assert.deepEqual(findLeakInBody('', { title: 'Bad Request', detail: 'SQLSTATE[23000]: Integrity constraint violation' }), { trace: { runtime: 'SQL', line: 'SQLSTATE[23000]: Integrity constraint violation' } });
  assert.equal(findLeakInBody('', { items: [{ note: 'Traceback (most recent call last):\n  File "/app/x.py", line 3, in f' }] })?.trace?.runtime, 'Python');
  assert.equal(findLeakInBody('', { stack: 'Error: boom\n    at f (/app/x.js:1:2)' })?.member?.runtime, 'Node.js');
  assert.equal(findLeakInBody(EXPRESS_500, undefined)?.trace?.runtime, 'Node.js');
  assert.equal(findLeakInBody(EXPRESS_404, undefined), undefined);
  assert.equal(findLeakInBody('', { type: 'https://example.com/problems/internal', title: 'Internal Server Error', status: 500, traceId: '4bf92f3577b34da6a3ce929d0e0e4736' }), undefined);
});

test('stack traces: messages name the runtime', () => {
  assert.equal(describeLeak('Node.js'), 'a Node.js stack trace');
  assert.equal(describeLeak('Python'), 'a Python traceback');
  assert.equal(describeLeak('SQL'), 'a database error');
  assert.equal(describeLeak('source path'), 'an internal source file path');
});
