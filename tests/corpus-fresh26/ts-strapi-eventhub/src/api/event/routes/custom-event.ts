export default {
  routes: [
    {
      method: 'GET',
      path: '/events/upcoming',
      handler: 'event.upcoming',
      config: {
        auth: false,
        policies: [],
        middlewares: [],
      },
    },
    {
      method: 'POST',
      path: '/events/:id/publish',
      handler: 'event.publish',
      config: {
        policies: ['global::is-organizer'],
        middlewares: [],
      },
    },
    {
      method: 'GET',
      path: '/events/:id/attendees/export',
      handler: 'event.exportAttendees',
      config: {
        policies: [],
        middlewares: [],
      },
    },
    {
      method: 'GET',
      path: '/events/:id/calendar.ics',
      handler: 'event.calendar',
      config: {
        auth: false,
      },
    },
    {
      method: 'POST',
      path: '/events/:id/duplicate',
      handler: 'event.duplicate',
      config: {
        policies: ['global::is-organizer'],
      },
    },
  ],
};
