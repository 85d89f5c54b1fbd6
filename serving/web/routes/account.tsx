// Signing up, in and out: forms that name the field at fault, and the session cookie.
import { Hono } from 'hono';
import { Notice, problemText } from '../components.tsx';
import { visitorOf, type WebContext, type WebEnv } from '../page-context.ts';
import { render } from '../render.tsx';
import { endSession, formText, safeNext, startSession } from '../session.ts';
import type { Problem } from '../shop-api.ts';

interface FormState {
  email?: string;
  name?: string;
  next: string;
  problem?: Problem;
}

export function accountRoutes() {
  const app = new Hono<WebEnv>();

  app.get('/signin', (c) => signInPage(c, { next: safeNext(c.req.query('next')) }));
  app.get('/signup', (c) => signUpPage(c, { next: safeNext(c.req.query('next')) }));

  app.post('/signin', async (c) => {
    const form = fields(await c.req.parseBody());
    const next = safeNext(form.next);
    const answer = await c.get('api').signIn({ email: form.email, password: form.password });
    if (!answer.ok) return signInPage(c, { email: form.email, next, problem: answer.problem }, answer.status);
    startSession(c, answer.body);
    return c.redirect(next, 303);
  });

  app.post('/signup', async (c) => {
    const form = fields(await c.req.parseBody());
    const next = safeNext(form.next);
    const answer = await c.get('api').signUp({ email: form.email, password: form.password, name: form.name });
    if (!answer.ok)
      return signUpPage(c, { email: form.email, name: form.name, next, problem: answer.problem }, answer.status);
    startSession(c, answer.body);
    return c.redirect(next, 303);
  });

  app.post('/signout', (c) => {
    endSession(c);
    return c.redirect('/', 303);
  });

  return app;
}

function fields(body: Record<string, unknown>) {
  const text = (name: string) => formText(body, name);
  return { email: text('email').trim(), password: text('password'), name: text('name').trim(), next: text('next') };
}

type Status = 200 | 400 | 401 | 403 | 409 | 429;
const statusOf = (status: number): Status => ([400, 401, 403, 409, 429].includes(status) ? (status as Status) : 400);

async function signInPage(c: WebContext, state: FormState, status = 200) {
  const { chrome } = await visitorOf(c);
  return render(
    c,
    'Sign in',
    { ...chrome, here: state.next },
    <section class="narrow" aria-labelledby="signin">
      <h1 id="signin">Sign in</h1>
      {state.problem ? <Notice kind="error">{problemText(state.problem)}</Notice> : null}
      <form method="post" action="/signin" class="stack">
        <input type="hidden" name="next" value={state.next} />
        <Field
          name="email"
          label="Email"
          type="email"
          autocomplete="email"
          value={state.email}
          problem={state.problem}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          problem={state.problem}
        />
        <button type="submit">Sign in</button>
      </form>
      <p>
        New here? <a href={`/signup?next=${encodeURIComponent(state.next)}`}>Create an account</a>
      </p>
    </section>,
    statusOf(status),
  );
}

async function signUpPage(c: WebContext, state: FormState, status = 200) {
  const { chrome } = await visitorOf(c);
  return render(
    c,
    'Create an account',
    { ...chrome, here: state.next },
    <section class="narrow" aria-labelledby="signup">
      <h1 id="signup">Create an account</h1>
      {state.problem ? <Notice kind="error">{problemText(state.problem)}</Notice> : null}
      <form method="post" action="/signup" class="stack">
        <input type="hidden" name="next" value={state.next} />
        <Field name="name" label="Your name" autocomplete="name" value={state.name} problem={state.problem} />
        <Field
          name="email"
          label="Email"
          type="email"
          autocomplete="email"
          value={state.email}
          problem={state.problem}
        />
        <Field
          name="password"
          label="Password (at least 8 characters)"
          type="password"
          autocomplete="new-password"
          minlength={8}
          problem={state.problem}
        />
        <button type="submit">Create account</button>
      </form>
      <p>
        Have an account? <a href={`/signin?next=${encodeURIComponent(state.next)}`}>Sign in</a>
      </p>
    </section>,
    statusOf(status),
  );
}

/** A labelled input; the API's problem, when it names this field, is shown beside it and read with it. */
export function Field(props: {
  name: string;
  /** Defaults to the name; forms that share a page with the header's fields give their own. */
  id?: string;
  label: string;
  type?: string;
  autocomplete?: string;
  value?: string;
  minlength?: number;
  required?: boolean;
  problem?: Problem;
  inputmode?: 'numeric' | 'tel' | 'text';
}) {
  const wrong = props.problem?.field === props.name;
  const id = props.id ?? props.name;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        autocomplete={props.autocomplete}
        value={props.value ?? ''}
        minlength={props.minlength}
        required={props.required ?? true}
        inputmode={props.inputmode}
        aria-invalid={wrong ? 'true' : undefined}
        aria-describedby={wrong ? `${id}-problem` : undefined}
      />
      {wrong ? (
        <p id={`${id}-problem`} class="field-problem">
          {props.problem!.message}
        </p>
      ) : null}
    </div>
  );
}
