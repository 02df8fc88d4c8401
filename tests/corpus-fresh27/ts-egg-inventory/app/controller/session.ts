import { Controller } from 'egg';

const loginRule = {
  email: { type: 'email' },
  password: { type: 'string', min: 8 },
};

export default class SessionController extends Controller {
  async create() {
    const { ctx } = this;
    ctx.validate(loginRule, ctx.request.body);
    const { email, password } = ctx.request.body;
    const token = await ctx.service.session.login(email, password);
    if (!token) {
      ctx.logger.info('[session] failed login for %s', email);
      ctx.throw(401, 'invalid credentials');
    }
    ctx.body = { token };
  }

  async destroy() {
    // Tokens are stateless; the client discards its copy.
    this.ctx.status = 204;
  }
}
