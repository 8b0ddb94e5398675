export { HomeView, type HomeViewProps } from './HomeView.tsx';
export { createHomeApi, type HomeApi } from './home-api.ts';
export { useRecordLook } from './use-record-look.ts';
export { meetingStart, upcomingMeetings, type UpcomingMeeting } from './meetings.ts';
