import { DomainError } from '@hf/domain';
import { toProblem } from './problem.filter';

describe('toProblem', () => {
  const request = { id: 'req-1', url: '/citizens/x/thing?y=1' };

  it('maps domain error kinds to 409, 422 and 404 and names the rule', () => {
    expect(toProblem(new DomainError('conflict', 'a-rule', 'm'), request)).toMatchObject({
      status: 409,
      rule: 'a-rule',
    });
    expect(toProblem(new DomainError('rule-violation', 'b-rule', 'm'), request).status).toBe(422);
    expect(toProblem(new DomainError('not-found', 'c-rule', 'm'), request).status).toBe(404);
  });

  it('never lets a rule detail overwrite the standard members', () => {
    const problem = toProblem(
      new DomainError('conflict', 'x', 'message', {
        status: 'open',
        type: 'y',
        requestId: 'z',
        openStayId: 's1',
      }),
      request,
    );
    expect(problem).toMatchObject({ status: 409, type: '/problems/x', requestId: 'req-1', openStayId: 's1' });
    expect(problem.instance).toBe('/citizens/x/thing');
  });

  it('answers unexpected errors with 500 and no message or stack', () => {
    const problem = toProblem(new Error('secret internals at Foo (bar.ts:1)'), request);
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret');
  });
});
